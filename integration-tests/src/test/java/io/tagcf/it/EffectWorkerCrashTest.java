package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tagcf.bench.process.WorkerProcess;
import io.tagcf.devserver.TemporalDevServer;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.ops.demo.SimulatedInteractions;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflows.effects.EffectEstimationWorkflowImpl;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A worker machine dies in the middle of a snapshot: a {@code tagcf worker} process, the only one
 * polling its Temporal server, is killed (SIGKILL) once some shards are written and another is
 * started. The snapshot must complete with results equal to an uninterrupted run's on the same data
 * and seed (run by the stack's own worker, another process), and a reader polling the API all the
 * while must never see any of it before it is complete.
 */
class EffectWorkerCrashTest {
  // February 2026: a window of its own, apart from the other tests' interactions.
  private static final Instant WINDOW_END = Instant.parse("2026-03-01T00:00:00Z");
  private static final int WINDOW_DAYS = 28;
  private static final int SHARDS = 6;
  private static final String ORCHESTRATION_QUEUE = "it-crash-orchestration";

  @Test
  void aSnapshotSurvivesAKilledWorkerAndEqualsAnUninterruptedRun() throws Exception {
    DevStack stack = TestStack.get();
    DataSource ds = stack.database().dataSource();
    List<CatalogVideo> catalog = SyntheticCatalog.draw(ds, "it-crash-", 1_200, 24, 9);
    Set<Long> coverSet = SyntheticCatalog.store(stack, catalog);
    assertThat(coverSet.size()).isGreaterThanOrEqualTo(SHARDS);
    SimulatedInteractions.load(ds, catalog, coverSet, 30_000, 400_000, 6, 11, WINDOW_END, WINDOW_DAYS, null);
    EffectRequest request = new EffectRequest(WINDOW_END, WINDOW_DAYS, SimulatedInteractions.SEGMENTS, SHARDS,
        EffectSettings.defaults(3));

    SnapshotResult uninterrupted = start(stack.temporal().client(), TaskQueues.EFFECTS, "it-crash-reference-", request)
        .getResult(5, TimeUnit.MINUTES, SnapshotResult.class);
    assertThat(uninterrupted.status()).as(String.valueOf(uninterrupted.error())).isEqualTo("published");

    Path logs = Path.of("target", "crash-test");
    try (TemporalDevServer server = TemporalDevServer.start(0);
        TemporalConnection temporal = new TemporalConnection(server.address(), "default", new SimpleMeterRegistry())) {
      Map<String, String> env = workerEnvironment(server.address());
      // The first worker runs interpreted (-Xint): its shards take seconds instead of milliseconds,
      // so that it is surely killed with some shards written and others not.
      WorkerProcess first = WorkerProcess.start("first", env, List.of("-Xmx1g", "-Xint"), logs.resolve("first.log"))
          .awaitReady(Duration.ofMinutes(2));
      // The run itself is orchestrated here, on a queue of the test's own; its shards go to the
      // effects queue, which only the worker processes poll. (Were the killed process also the
      // run's cached workflow worker, the embedded test server would sometimes leave the next
      // workflow task on the dead worker's sticky queue for ever; a Temporal server moves it.)
      WorkerFactory orchestration = WorkerFactory.newInstance(temporal.client());
      orchestration.newWorker(ORCHESTRATION_QUEUE).registerWorkflowImplementationTypes(EffectEstimationWorkflowImpl.class);
      orchestration.start();
      WorkflowStub run = start(temporal.client(), ORCHESTRATION_QUEUE, "it-crash-", request);
      String workflowId = run.getExecution().getWorkflowId();
      long snapshotId = await("the snapshot row", () -> snapshotOf(ds, workflowId));
      long tag = firstTag(ds, snapshotId);
      String video = catalog.get(0).videoId();
      try (Reader reader = Reader.start(List.of(
          "/v1/tags/" + tag + "/effects?snapshot=" + snapshotId,
          "/v1/videos/" + video + "/attributions?snapshot=" + snapshotId))) {
        // Killed once a shard is written and another is running on it: the running one must be
        // noticed dead (heartbeat timeout) and run again.
        await("a written shard and a running one", () ->
            shardsWritten(ds, snapshotId) > 0 && runningShards(temporal.client(), workflowId) > 0 ? true : null);
        int written = shardsWritten(ds, snapshotId);
        first.kill();
        long killedAt = System.nanoTime();
        // What the server still sees running once the process is dead: a shard that finished in the
        // moment between the check and the kill is not among them.
        long runningAtKill = runningShards(temporal.client(), workflowId);
        System.out.printf("killed %s with %d of %d shards written%n", first, written, SHARDS);
        assertThat(written).as("shards written when the worker was killed").isLessThan(SHARDS);
        assertThat(status(ds, snapshotId)).isEqualTo("running");

        try (WorkerProcess second = WorkerProcess.start("second", env, List.of("-Xmx1g"), logs.resolve("second.log"))
            .awaitReady(Duration.ofMinutes(2))) {
          SnapshotResult result;
          try {
            result = run.getResult(3, TimeUnit.MINUTES, SnapshotResult.class);
          } catch (TimeoutException e) {
            throw new AssertionError("snapshot run did not finish; its history:\n" + history(temporal.client(), workflowId), e);
          }
          assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo("published");
          assertThat(result.snapshotId()).isEqualTo(snapshotId);
          System.out.printf("snapshot %d published %.1f s after the kill%n", snapshotId,
              (System.nanoTime() - killedAt) / 1e9);
          // The shard the first worker was running timed out on its heartbeat and ran again.
          System.out.printf("shards running at the kill: %d%n", runningAtKill);
          if (runningAtKill > 0) {
            assertThat(maxShardAttempt(temporal.client(), workflowId)).isGreaterThanOrEqualTo(2);
          }
        }
        reader.assertNeverPartial(snapshotId);
      } finally {
        first.kill();
        orchestration.shutdownNow();
      }
      assertThat(rows(ds, "tag_effects", snapshotId, "tag_id, segment, outcome"))
          .hasSizeGreaterThan(100)
          .isEqualTo(rows(ds, "tag_effects", uninterrupted.snapshotId(), "tag_id, segment, outcome"));
      assertThat(rows(ds, "video_attributions", snapshotId, "video_id, tag_id, segment, outcome"))
          .isNotEmpty()
          .isEqualTo(rows(ds, "video_attributions", uninterrupted.snapshotId(), "video_id, tag_id, segment, outcome"));
    }
  }

  private static WorkflowStub start(WorkflowClient client, String queue, String name, EffectRequest request) {
    EffectEstimationWorkflow workflow = client.newWorkflowStub(EffectEstimationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(EffectEstimationWorkflow.ID_PREFIX + name + System.nanoTime())
            .setTaskQueue(queue)
            .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
            .build());
    WorkflowClient.start(workflow::estimate, request);
    return WorkflowStub.fromTyped(workflow);
  }

  /** A worker for the crash's own Temporal server: effects only in effect (no maintenance, no explanations), one thread. */
  private static Map<String, String> workerEnvironment(String temporalAddress) {
    DatabaseUrl db = TestDatabase.url();
    String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
        + (db.password() == null ? "" : "&password=" + db.password());
    return Map.of("DATABASE_URL", url, "TEMPORAL_ADDRESS", temporalAddress, "TAGCF_MAINTENANCE", "off",
        "TAGCF_EFFECTS_THREADS", "1", "TAGCF_CPU_ACTIVITY_SLOTS", "1", "TAGCF_DB_POOL_SIZE", "4",
        "TAGCF_EXPLAIN_AFTER_SNAPSHOT", "off");
  }

  private static String history(WorkflowClient client, String workflowId) {
    StringBuilder out = new StringBuilder();
    for (HistoryEvent e : client.fetchHistory(workflowId).getEvents()) {
      out.append(e.getEventId()).append(' ').append(e.getEventType()).append(' ')
          .append(Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos()))
          .append(e.hasWorkflowTaskScheduledEventAttributes() ? " " + e.getWorkflowTaskScheduledEventAttributes().getTaskQueue().getKind() : "")
          .append(e.hasWorkflowTaskStartedEventAttributes() ? " " + e.getWorkflowTaskStartedEventAttributes().getIdentity() : "")
          .append('\n');
    }
    return out.toString();
  }

  /** Shard activities a worker has started and not finished. */
  private static long runningShards(WorkflowClient client, String workflowId) {
    return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getPendingActivitiesList().stream()
        .filter(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
        .filter(a -> a.getActivityType().getName().equals("EstimateShard"))
        .count();
  }

  /** The highest attempt of any shard activity in the run's history. */
  private static int maxShardAttempt(WorkflowClient client, String workflowId) {
    int max = 0;
    for (HistoryEvent e : client.fetchHistory(workflowId).getEvents()) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        max = Math.max(max, e.getActivityTaskStartedEventAttributes().getAttempt());
      }
    }
    return max;
  }

  /** Every row of a snapshot's table but its id, as JSON text, in key order. */
  private static List<String> rows(DataSource ds, String table, long snapshotId, String key) throws Exception {
    List<String> out = new ArrayList<>();
    // Table and key are the test's constants.
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT (to_jsonb(t) - 'snapshot_id')::text FROM " + table + " t WHERE snapshot_id = ? ORDER BY " + key)) {
      ps.setLong(1, snapshotId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static Long snapshotOf(DataSource ds, String workflowId) throws Exception {
    return query(ds, "SELECT snapshot_id FROM effect_snapshots WHERE run_key LIKE ? || '/%'", workflowId,
        rs -> rs.getLong(1));
  }

  private static long firstTag(DataSource ds, long snapshotId) throws Exception {
    return await("the snapshot's tags", () -> query(ds,
        "SELECT tag_ids[1] FROM effect_snapshots WHERE snapshot_id = ? AND cardinality(tag_ids) > 0",
        snapshotId, rs -> rs.getLong(1)));
  }

  private static int shardsWritten(DataSource ds, long snapshotId) throws Exception {
    return query(ds, "SELECT count(*) FROM effect_shards WHERE snapshot_id = ?", snapshotId, rs -> rs.getInt(1));
  }

  private static String status(DataSource ds, long snapshotId) throws Exception {
    return query(ds, "SELECT status FROM effect_snapshots WHERE snapshot_id = ?", snapshotId, rs -> rs.getString(1));
  }

  private interface Row<T> {
    T read(ResultSet rs) throws Exception;
  }

  private static <T> T query(DataSource ds, String sql, Object parameter, Row<T> row) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row.read(rs) : null;
      }
    }
  }

  private interface Probe<T> {
    T poll() throws Exception;
  }

  private static <T> T await(String what, Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      T value = probe.poll();
      if (value != null) {
        return value;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** Polls API paths of the snapshot while it runs, remembering every answer that was not a 404. */
  private static final class Reader implements AutoCloseable {
    private final List<String> paths;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Set<String>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private Future<?> polling;

    private Reader(List<String> paths) {
      this.paths = paths;
    }

    static Reader start(List<String> paths) {
      Reader r = new Reader(paths);
      r.polling = r.thread.submit(() -> {
        while (r.running.get()) {
          for (String path : paths) {
            Http.Reply reply = Http.get(path);
            if (reply.status() == 404) {
              r.refusals.merge(path, 1, Integer::sum);
            } else {
              r.answers.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet())
                  .add(reply.status() + " " + reply.body());
            }
          }
        }
        return null;
      });
      return r;
    }

    /**
     * Before publication every read was refused; from it on, every read gave the final answer: no
     * read ever saw a snapshot with some shards and not others.
     */
    void assertNeverPartial(long snapshotId) throws Exception {
      running.set(false);
      polling.get(30, TimeUnit.SECONDS);
      for (String path : paths) {
        Http.Reply last = Http.get(path);
        assertThat(last.status()).as(path).isEqualTo(200);
        assertThat(refusals.getOrDefault(path, 0)).as("reads of " + path + " refused while snapshot "
            + snapshotId + " ran").isPositive();
        assertThat(answers.getOrDefault(path, Set.of())).as(path).isSubsetOf(Set.of("200 " + last.body()));
      }
    }

    @Override
    public void close() {
      running.set(false);
      thread.shutdownNow();
    }
  }
}
