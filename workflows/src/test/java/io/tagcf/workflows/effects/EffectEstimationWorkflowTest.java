package io.tagcf.workflows.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.effects.EffectActivities;
import io.tagcf.activities.effects.EffectActivitiesImpl;
import io.tagcf.activities.effects.PrepareRequest;
import io.tagcf.activities.effects.PublishedSnapshot;
import io.tagcf.activities.effects.ShardRequest;
import io.tagcf.activities.effects.ShardSummary;
import io.tagcf.activities.effects.SnapshotPlan;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * Every branch of {@link EffectEstimationWorkflowImpl} against mocked activities on the
 * time-skipping test server: the shards' retry backoffs take no real time. The activities run on
 * the effects queue, as deployed.
 *
 * <p>The timeout turns a run that never ends (a shard left blocked, a retry loop) into a failure
 * instead of a hung build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EffectEstimationWorkflowTest {

  private static final long SNAPSHOT = 42;
  private static final int SHARDS = 3;
  private static final EffectSettings SETTINGS = EffectSettings.defaults(7);
  private static final Instant WINDOW_END = Instant.parse("2026-02-01T00:00:00Z");
  private static final EffectRequest REQUEST = new EffectRequest(WINDOW_END, 28, "age_band", 8, SETTINGS);
  /** Ten tags asked to be cut into 8 shards; prepare settles on 3, and the workflow follows the plan. */
  private static final SnapshotPlan PLAN = new SnapshotPlan(SNAPSHOT, SHARDS, 10, 4, 500, 120_000, null, true);
  private static final String NO_EXPOSURES =
      "no exposures between 2026-01-04T00:00:00Z and 2026-02-01T00:00:00Z";
  private static final SnapshotPlan EMPTY_PLAN = new SnapshotPlan(SNAPSHOT, 0, 0, 4, 0, 0, NO_EXPOSURES, true);
  /** Counted by the publication, not summed from the shards' summaries. */
  private static final PublishedSnapshot PUBLISHED = new PublishedSnapshot(SNAPSHOT, 96, 24);

  /** Where the happy path's history is written, for {@link EffectEstimationReplayTest}. */
  static final Path RECORDED = Path.of("target", "replay", "effect-estimation-published.json");

  /** The extension's own worker is unused: {@link #startWorkers} runs the workflow on the effects queue. */
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EffectEstimationWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final EffectActivities activities = mock(EffectActivities.class, withSettings().withoutAnnotations());

  /** A run that every activity lets through; each test changes only what its branch needs. */
  @BeforeEach
  void happyActivities() {
    when(activities.prepareSnapshot(any())).thenReturn(PLAN);
    doAnswer(call -> summary(call.getArgument(0))).when(activities).estimateShard(any());
    when(activities.publishSnapshot(SNAPSHOT)).thenReturn(PUBLISHED);
  }

  @Test
  void preparesRunsEveryShardOfThePlanThenPublishes(TestWorkflowEnvironment testEnv) throws Exception {
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    WorkflowExecution run = WorkflowClient.start(workflow::estimate, REQUEST);
    SnapshotResult result = WorkflowStub.fromTyped(workflow).getResult(SnapshotResult.class);

    assertThat(result).isEqualTo(new SnapshotResult(SNAPSHOT, "published", 96, 24, null));
    assertThat(workflow.progress()).isEqualTo(new EffectProgress(SNAPSHOT, "published", SHARDS, SHARDS, null));

    InOrder order = inOrder(activities);
    order.verify(activities).prepareSnapshot(new PrepareRequest(run.getWorkflowId() + "/" + run.getRunId(),
        WINDOW_END.toEpochMilli(), 28, "age_band", 8, SETTINGS));
    order.verify(activities, times(SHARDS)).estimateShard(any());
    order.verify(activities).publishSnapshot(SNAPSHOT);
    verify(activities, never()).failSnapshot(anyLong(), anyString());

    // One request per shard of the plan (3, not the 8 asked for), each with the request's settings.
    ArgumentCaptor<ShardRequest> shards = ArgumentCaptor.forClass(ShardRequest.class);
    verify(activities, times(SHARDS)).estimateShard(shards.capture());
    assertThat(shards.getAllValues()).containsExactlyInAnyOrder(
        new ShardRequest(SNAPSHOT, 0, SHARDS, SETTINGS),
        new ShardRequest(SNAPSHOT, 1, SHARDS, SETTINGS),
        new ShardRequest(SNAPSHOT, 2, SHARDS, SETTINGS));

    // Kept for the replay test: a change guarded by Workflow.getVersion copies its new path's
    // history to src/test/resources/histories beside the old one, which stays.
    WorkflowExecutionHistory history = testEnv.getWorkflowClient().fetchHistory(run.getWorkflowId(), run.getRunId());
    // Publication starts the snapshot's explanations, which outlive this run.
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes)
        .singleElement().satisfies(e -> {
          var child = e.getStartChildWorkflowExecutionInitiatedEventAttributes();
          assertThat(child.getWorkflowId()).isEqualTo(SnapshotExplanationsWorkflow.workflowId(SNAPSHOT));
          assertThat(child.getTaskQueue().getName()).isEqualTo(TaskQueues.EXPLANATIONS);
          assertThat(child.getParentClosePolicy()).isEqualTo(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);
        });
    Files.createDirectories(RECORDED.getParent());
    Files.writeString(RECORDED, history.toJson(true));
  }

  @Test
  void aWorkerConfiguredNotToExplainPublishesWithoutStartingExplanations(TestWorkflowEnvironment testEnv) {
    when(activities.prepareSnapshot(any())).thenReturn(new SnapshotPlan(SNAPSHOT, SHARDS, 10, 4, 500, 120_000, null,
        false));
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    WorkflowExecution run = WorkflowClient.start(workflow::estimate, REQUEST);
    assertThat(WorkflowStub.fromTyped(workflow).getResult(SnapshotResult.class).status()).isEqualTo("published");

    assertThat(testEnv.getWorkflowClient().fetchHistory(run.getWorkflowId(), run.getRunId()).getEvents())
        .noneMatch(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes);
  }

  @Test
  void windowWithoutAnEndEndsAtTheWorkflowsStartTime(TestWorkflowEnvironment testEnv) {
    EffectEstimationWorkflow workflow = startWorkers(testEnv);
    long before = testEnv.currentTimeMillis();

    SnapshotResult result = workflow.estimate(new EffectRequest(null, 28, "age_band", 8, SETTINGS));

    long after = testEnv.currentTimeMillis();
    assertThat(result.status()).isEqualTo("published");
    ArgumentCaptor<PrepareRequest> prepared = ArgumentCaptor.forClass(PrepareRequest.class);
    verify(activities).prepareSnapshot(prepared.capture());
    Instant end = prepared.getValue().windowEnd();
    assertThat(end.toEpochMilli()).isBetween(before, after);
    assertThat(prepared.getValue().windowStart()).isEqualTo(end.minus(Duration.ofDays(28)));
  }

  @Test
  void emptyPlanFailsTheSnapshotWithItsReasonAndRunsNothing(TestWorkflowEnvironment testEnv) {
    when(activities.prepareSnapshot(any())).thenReturn(EMPTY_PLAN);
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    SnapshotResult result = workflow.estimate(REQUEST);

    assertThat(result).isEqualTo(new SnapshotResult(SNAPSHOT, "failed", 0, 0, NO_EXPOSURES));
    verify(activities).failSnapshot(SNAPSHOT, NO_EXPOSURES);
    verify(activities, never()).estimateShard(any());
    verify(activities, never()).publishSnapshot(anyLong());
    EffectProgress progress = workflow.progress();
    assertThat(progress.phase()).isEqualTo("failed");
    assertThat(progress.error()).isEqualTo(NO_EXPOSURES);
  }

  /** Thrown as retryable, so only the workflow's retry options can stop the retries. */
  @Test
  void invalidRequestShardIsAttemptedOnceAndFailsTheSnapshot(TestWorkflowEnvironment testEnv) {
    doAnswer(call -> {
      throw ApplicationFailure.newFailure("shard 1: unknown segment scheme 'planet'",
          EffectActivitiesImpl.INVALID_REQUEST);
    }).when(activities).estimateShard(argThat(r -> r.shard() == 1));
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    SnapshotResult result = workflow.estimate(REQUEST);

    assertThat(result.status()).isEqualTo("failed");
    // The activity's own words, without Temporal's wrapping (failure type, retry flag, event ids).
    assertThat(result.error()).isEqualTo("a shard failed: shard 1: unknown segment scheme 'planet'");
    assertThat(result.cellsEstimated()).isZero();
    verify(activities, times(1)).estimateShard(argThat(r -> r.shard() == 1));
    verify(activities).failSnapshot(SNAPSHOT, result.error());
    verify(activities, never()).publishSnapshot(anyLong());
    assertThat(workflow.progress().phase()).isEqualTo("failed");
    assertThat(workflow.progress().error()).isEqualTo(result.error());
  }

  @Test
  void shardFailingOnEveryAttemptFailsTheSnapshotAfterSixAttempts(TestWorkflowEnvironment testEnv) {
    doAnswer(call -> {
      throw new IllegalStateException("shard 2 failed: out of memory");
    }).when(activities).estimateShard(argThat(r -> r.shard() == 2));
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    SnapshotResult result = workflow.estimate(REQUEST);

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.error()).isEqualTo("a shard failed: shard 2 failed: out of memory");
    verify(activities, times(6)).estimateShard(argThat(r -> r.shard() == 2));
    verify(activities).failSnapshot(SNAPSHOT, result.error());
    verify(activities, never()).publishSnapshot(anyLong());
  }

  @Test
  void shardFailingOnceIsRetriedAndTheSnapshotIsPublished(TestWorkflowEnvironment testEnv) {
    doAnswer(call -> {
      throw new IllegalStateException("worker lost its database connection");
    }).doAnswer(call -> summary(call.getArgument(0)))
        .when(activities).estimateShard(argThat(r -> r.shard() == 0));
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    SnapshotResult result = workflow.estimate(REQUEST);

    assertThat(result).isEqualTo(new SnapshotResult(SNAPSHOT, "published", 96, 24, null));
    verify(activities, times(2)).estimateShard(argThat(r -> r.shard() == 0));
    verify(activities).publishSnapshot(SNAPSHOT);
    verify(activities, never()).failSnapshot(anyLong(), anyString());
    assertThat(workflow.progress().shardsDone()).isEqualTo(SHARDS);
  }

  @Test
  void progressCountsTheShardsDoneWhileOneIsStillRunning(TestWorkflowEnvironment testEnv)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(call -> {
      assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
      return summary(call.getArgument(0));
    }).when(activities).estimateShard(argThat(r -> r.shard() == 2));
    EffectEstimationWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::estimate, REQUEST);

    // Queries move no clock: the blocked shard is not timed out while the test waits here.
    EffectProgress midRun = awaitProgress(workflow, 2);
    assertThat(midRun).isEqualTo(new EffectProgress(SNAPSHOT, "estimating", 2, SHARDS, null));
    verify(activities, never()).publishSnapshot(anyLong());

    release.countDown();
    SnapshotResult result = WorkflowStub.fromTyped(workflow).getResult(SnapshotResult.class);
    assertThat(result.status()).isEqualTo("published");
    assertThat(workflow.progress()).isEqualTo(new EffectProgress(SNAPSHOT, "published", SHARDS, SHARDS, null));
  }

  @Test
  void progressBeforeTheFirstShardIsPreparing(TestWorkflowEnvironment testEnv) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(call -> {
      started.countDown();
      assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
      return PLAN;
    }).when(activities).prepareSnapshot(any());
    EffectEstimationWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::estimate, REQUEST);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(workflow.progress()).isEqualTo(EffectProgress.preparing());

    release.countDown();
    assertThat(WorkflowStub.fromTyped(workflow).getResult(SnapshotResult.class).status()).isEqualTo("published");
  }

  /**
   * SnapshotNotReady is retryable: six attempts, then the snapshot is marked failed rather than
   * left 'running' by a failed run.
   */
  @Test
  void publicationThatNeverSucceedsFailsTheSnapshot(TestWorkflowEnvironment testEnv) {
    when(activities.publishSnapshot(SNAPSHOT)).thenThrow(ApplicationFailure.newFailure(
        "snapshot 42 is not ready to publish (shards missing or not running)", "SnapshotNotReady"));
    EffectEstimationWorkflow workflow = startWorkers(testEnv);

    SnapshotResult result = workflow.estimate(REQUEST);

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.error())
        .isEqualTo("publication failed: snapshot 42 is not ready to publish (shards missing or not running)");
    verify(activities, times(6)).publishSnapshot(SNAPSHOT);
    verify(activities).failSnapshot(SNAPSHOT, result.error());
    assertThat(workflow.progress().phase()).isEqualTo("failed");
    assertThat(workflow.progress().shardsDone()).isEqualTo(SHARDS);
  }

  /** Polls the progress query until {@code shardsDone} shards are done. */
  private static EffectProgress awaitProgress(EffectEstimationWorkflow workflow, int shardsDone)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    EffectProgress progress = workflow.progress();
    while (progress.shardsDone() < shardsDone && System.nanoTime() < deadline) {
      Thread.sleep(20);
      progress = workflow.progress();
    }
    return progress;
  }

  private static ShardSummary summary(ShardRequest r) {
    return new ShardSummary(r.shard(), 4, 30 + r.shard(), 8, 12, 1.5);
  }

  /**
   * The workflow and its activities on the effects queue, as deployed (and as the recorded history
   * shows). Stub before this: activities may run as soon as the environment starts.
   */
  private EffectEstimationWorkflow startWorkers(TestWorkflowEnvironment testEnv) {
    Worker effects = testEnv.newWorker(TaskQueues.EFFECTS);
    effects.registerWorkflowImplementationTypes(EffectEstimationWorkflowImpl.class);
    effects.registerActivitiesImplementations(activities);
    testEnv.start();
    return testEnv.getWorkflowClient()
        .newWorkflowStub(
            EffectEstimationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(EffectEstimationWorkflow.ID_PREFIX + "test")
                .setTaskQueue(TaskQueues.EFFECTS)
                .build());
  }
}
