package io.tagcf.ops.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.devserver.TemporalDevServer;
import io.tagcf.gateway.effects.OrchestratorUnavailableException;
import io.tagcf.gateway.effects.SnapshotRun;
import io.tagcf.gateway.effects.TemporalSnapshotStarter;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's snapshot starter against the embedded Temporal server, with a scripted
 * {@link EffectEstimationWorkflow} on the effects task queue: started runs are found, described
 * while they run (the progress query) and after they completed (the result) or failed.
 */
class TemporalSnapshotStarterTest {

  private static TemporalDevServer server;
  private static WorkflowServiceStubs stubs;
  private static WorkflowClient client;
  private static WorkerFactory workers;
  private static TemporalSnapshotStarter starter;

  /** Estimates nothing: reports shard progress, waits {@code shards} × 200 ms, then publishes or fails. */
  public static final class ScriptedSnapshot implements EffectEstimationWorkflow {
    private EffectProgress progress = EffectProgress.preparing();

    @Override
    public SnapshotResult estimate(EffectRequest request) {
      progress = new EffectProgress(42L, "estimating", 1, 2, null);
      Workflow.sleep(Duration.ofMillis(200L * request.shards()));
      if ("gender".equals(request.segments())) {
        throw ApplicationFailure.newNonRetryableFailure("scripted failure", "Scripted");
      }
      progress = new EffectProgress(42L, "published", 2, 2, null);
      return new SnapshotResult(42, "published", 30, 6, null);
    }

    @Override
    public EffectProgress progress() {
      return progress;
    }
  }

  @BeforeAll
  static void start() {
    server = TemporalDevServer.start(0);
    stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
    client = WorkflowClient.newInstance(stubs);
    workers = WorkerFactory.newInstance(client);
    workers.newWorker(TaskQueues.EFFECTS).registerWorkflowImplementationTypes(ScriptedSnapshot.class);
    workers.start();
    starter = new TemporalSnapshotStarter(client);
  }

  @AfterAll
  static void stop() {
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void aStartedRunIsDescribedWhileRunningAndAfterItCompleted() throws InterruptedException {
    String id = EffectEstimationWorkflow.ID_PREFIX + "test-completes";
    EffectRequest request = new EffectRequest(Instant.parse("2026-10-01T00:00:00Z"), 7, "age_band", 2,
        EffectRequest.defaults().settings());

    starter.start(id, request);

    SnapshotRun running = starter.run(id).orElseThrow();
    assertThat(running.state()).isEqualTo(SnapshotRun.State.RUNNING);
    assertThat(running.result()).isNull();
    assertThat(running.progress()).isIn(EffectProgress.preparing(), new EffectProgress(42L, "estimating", 1, 2, null));
    SnapshotRun done = awaitClosed(id);
    assertThat(done.state()).isEqualTo(SnapshotRun.State.COMPLETED);
    assertThat(done.result()).isEqualTo(new SnapshotResult(42, "published", 30, 6, null));
    assertThat(done.progress()).isNull();
    assertThat(client.newUntypedWorkflowStub(id).describe().getTaskQueue()).isEqualTo(TaskQueues.EFFECTS);
  }

  @Test
  void aFailedWorkflowIsFailed() throws InterruptedException {
    String id = EffectEstimationWorkflow.ID_PREFIX + "test-fails";

    starter.start(id, new EffectRequest(null, 30, "gender", 1, EffectRequest.defaults().settings()));

    SnapshotRun failed = awaitClosed(id);
    assertThat(failed.state()).isEqualTo(SnapshotRun.State.FAILED);
    assertThat(failed.result()).isNull();
  }

  @Test
  void anUnknownIdOrAnotherWorkflowTypeIsNoRun() {
    assertThat(starter.run(EffectEstimationWorkflow.ID_PREFIX + "never-started")).isEmpty();
    String other = EffectEstimationWorkflow.ID_PREFIX + "not-a-snapshot";
    client.newUntypedWorkflowStub("SomethingElse", WorkflowOptions.newBuilder()
        .setWorkflowId(other).setTaskQueue("tagcf-test-nobody").build()).start();

    assertThat(starter.run(other)).isEmpty();
  }

  @Test
  void anUnreachableServiceIsReportedAsSuch() {
    WorkflowServiceStubs nowhere = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:1")
        .setSystemInfoTimeout(Duration.ofMillis(300))
        .setRpcTimeout(Duration.ofMillis(500))
        .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(Duration.ofMillis(500))
            .setInitialInterval(Duration.ofMillis(50)).setMaximumAttempts(2).build())
        .build());
    try {
      TemporalSnapshotStarter unreachable = new TemporalSnapshotStarter(WorkflowClient.newInstance(nowhere));

      assertThatThrownBy(() -> unreachable.start(EffectEstimationWorkflow.ID_PREFIX + "x", EffectRequest.defaults()))
          .isInstanceOf(OrchestratorUnavailableException.class);
      assertThatThrownBy(() -> unreachable.run(EffectEstimationWorkflow.ID_PREFIX + "x"))
          .isInstanceOf(OrchestratorUnavailableException.class);
    } finally {
      nowhere.shutdownNow();
    }
  }

  private static SnapshotRun awaitClosed(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Optional<SnapshotRun> run = starter.run(id);
      if (run.isPresent() && run.get().state() != SnapshotRun.State.RUNNING) {
        return run.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + id + " did not close in 20 s");
  }
}
