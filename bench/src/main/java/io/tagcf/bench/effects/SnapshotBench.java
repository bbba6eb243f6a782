package io.tagcf.bench.effects;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tagcf.bench.process.WorkerProcess;
import io.tagcf.devserver.TemporalDevServer;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.ops.demo.SimulatedInteractions;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One snapshot run the way production runs it: the embedded Temporal server in this process,
 * {@code workers} {@code tagcf worker} processes of their own (each with its heap limit and a GC
 * log), and an EffectEstimationWorkflow started on the effects queue, which the workers both
 * orchestrate and estimate.
 */
final class SnapshotBench {
  private SnapshotBench() {}

  /** A worker process, the identity it polls with, and what its GC log says. */
  record WorkerHeap(String name, long pid, String identity, GcLog.Summary gc) {}

  /**
   * @param workersReadySeconds from starting the processes to all of them polling
   * @param wallSeconds from starting the workflow to its result, as a client sees it
   */
  record Measured(SnapshotResult result, double workersReadySeconds, double wallSeconds, SnapshotTimeline timeline,
      List<WorkerHeap> workers) {

    /** Shards per worker name; an identity no worker of this run has is kept as it is. */
    Map<String, Integer> shardsByWorker() {
      Map<String, Integer> out = new LinkedHashMap<>();
      workers.forEach(w -> out.put(w.name(), 0));
      timeline.shardsByWorker().forEach((identity, n) -> out.merge(workers.stream()
          .filter(w -> w.identity().equals(identity)).map(WorkerHeap::name).findFirst().orElse(identity), n,
          Integer::sum));
      return out;
    }

    long peakHeapBytes() {
      return workers.stream().mapToLong(w -> w.gc().peakBytes()).max().orElse(0);
    }
  }

  static Measured run(EffectsBenchOptions options, EffectRequest request, Path dir)
      throws InterruptedException, IOException {
    try (TemporalDevServer server = TemporalDevServer.start(0);
        TemporalConnection temporal = new TemporalConnection(server.address(), "default", new SimpleMeterRegistry())) {
      Map<String, String> env = Map.of("DATABASE_URL", options.database(), "TEMPORAL_ADDRESS", server.address(),
          // Nothing else may run on the workers while they are measured: no upkeep workflows, and no
          // explanations of the published snapshot while the next size loads.
          "TAGCF_MAINTENANCE", "off", "TAGCF_EXPLAIN_AFTER_SNAPSHOT", "off", "TAGCF_EFFECTS_THREADS", "2");
      List<WorkerProcess> processes = new ArrayList<>();
      List<Path> gcLogs = new ArrayList<>();
      SnapshotResult result;
      double ready;
      double wall;
      String workflowId = EffectEstimationWorkflow.ID_PREFIX + "bench-" + System.currentTimeMillis();
      try {
        long start = System.nanoTime();
        for (int i = 1; i <= options.workers(); i++) {
          Path gc = dir.resolve("worker-" + i + ".gc.log").toAbsolutePath();
          gcLogs.add(gc);
          processes.add(WorkerProcess.start("worker-" + i, env,
              List.of("-Xmx" + options.workerHeap(), "-Xlog:gc:file=" + gc), dir.resolve("worker-" + i + ".log")));
        }
        for (WorkerProcess w : processes) {
          w.awaitReady(Duration.ofMinutes(5));
        }
        ready = (System.nanoTime() - start) / 1e9;
        EffectEstimationWorkflow workflow = temporal.client().newWorkflowStub(EffectEstimationWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TaskQueues.EFFECTS)
                .setWorkflowExecutionTimeout(Duration.ofHours(2)).build());
        long started = System.nanoTime();
        result = workflow.estimate(request);
        wall = (System.nanoTime() - started) / 1e9;
      } finally {
        processes.forEach(WorkerProcess::close);
      }
      if (!"published".equals(result.status())) {
        throw new IllegalStateException("snapshot " + result.snapshotId() + " " + result.status() + ": "
            + result.error() + " (worker logs in " + dir + ")");
      }
      SnapshotTimeline timeline = SnapshotTimeline.of(history(temporal.client(), workflowId));
      List<WorkerHeap> workers = new ArrayList<>();
      for (int i = 0; i < processes.size(); i++) {
        WorkerProcess p = processes.get(i);
        workers.add(new WorkerHeap("worker-" + (i + 1), p.pid(), identity(p.pid(), timeline), GcLog.read(gcLogs.get(i))));
      }
      return new Measured(result, ready, wall, timeline, workers);
    }
  }

  private static List<HistoryEvent> history(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents();
  }

  /** Temporal's default worker identity is the JVM's {@code pid@host}. */
  private static String identity(long pid, SnapshotTimeline timeline) {
    return timeline.shards().stream().map(SnapshotTimeline.ShardRun::worker)
        .filter(id -> id != null && id.startsWith(pid + "@")).findFirst().orElse(pid + "@?");
  }

  static EffectRequest request(EffectsBenchOptions options, Instant windowEnd, int windowDays) {
    return new EffectRequest(windowEnd, windowDays, SimulatedInteractions.SEGMENTS, options.shards(),
        EffectSettings.defaults(options.seed()));
  }
}
