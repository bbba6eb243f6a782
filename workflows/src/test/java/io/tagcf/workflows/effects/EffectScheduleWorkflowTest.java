package io.tagcf.workflows.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
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
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.EffectSchedule;
import io.tagcf.workflowapi.effects.EffectScheduleStatus;
import io.tagcf.workflowapi.effects.EffectScheduleWorkflow;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.tagcf.workflows.RunStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The snapshot timer loop with its real child, {@link EffectEstimationWorkflowImpl}, over mocked
 * activities. The loop never returns: each test moves the test server's clock with
 * {@code testEnv.sleep} (no real time passes), which returns once the work due before its end is
 * done, and reads the {@code status} query.
 *
 * <p>The timeout turns a restart or continue-as-new that loops for ever (the test clock stands
 * still then) into a failure instead of a hung build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EffectScheduleWorkflowTest {

  private static final Duration INTERVAL = Duration.ofHours(6);
  /** Well inside one interval: long enough for a run and its child, short of the next run. */
  private static final Duration SETTLE = Duration.ofMinutes(1);
  private static final String SCHEDULED = EffectEstimationWorkflow.ID_PREFIX + "scheduled-";

  private static final EffectSettings SETTINGS = EffectSettings.defaults(3);
  private static final EffectRequest REQUEST = new EffectRequest(null, 28, "age_band", 4, SETTINGS);
  private static final EffectSchedule SCHEDULE = new EffectSchedule(INTERVAL, REQUEST, 30);
  private static final String NO_EXPOSURES = "no exposures in the window";

  /** The extension's own worker is unused: {@link #startWorkers} runs both workflows on the effects queue. */
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EffectScheduleWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final EffectActivities activities = mock(EffectActivities.class, withSettings().withoutAnnotations());
  /** Each run prepares a new snapshot: 101, 102, ... */
  private final AtomicLong snapshots = new AtomicLong(100);
  private final List<PrepareRequest> prepared = Collections.synchronizedList(new ArrayList<>());

  /** Every run publishes a snapshot of two shards; each test changes only what its branch needs. */
  @BeforeEach
  void happyActivities() {
    doAnswer(call -> plan(call.getArgument(0), null)).when(activities).prepareSnapshot(any());
    doAnswer(call -> {
      ShardRequest r = call.getArgument(0);
      return new ShardSummary(r.shard(), 5, 40, 10, 7, 2.0);
    }).when(activities).estimateShard(any());
    doAnswer(call -> new PublishedSnapshot(call.getArgument(0), 80, 20)).when(activities).publishSnapshot(anyLong());
  }

  @Test
  void firstRunWaitsForTheIntervalAndRunsAChildWithTheSchedulesRequest(TestWorkflowEnvironment testEnv) {
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    long start = testEnv.currentTimeMillis();
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(INTERVAL.minus(SETTLE));
    assertThat(workflow.status()).isEqualTo(EffectScheduleStatus.initial());
    verify(activities, never()).prepareSnapshot(any());

    testEnv.sleep(SETTLE.multipliedBy(2));
    EffectScheduleStatus status = workflow.status();
    assertThat(status.runs()).isEqualTo(1);
    assertThat(status.last()).isEqualTo(new SnapshotResult(101, "published", 80, 20, null));
    assertThat(status.error()).isNull();
    // The child is named by the time of the run, one interval after the start.
    assertThat(status.lastWorkflowId()).startsWith(SCHEDULED);
    Instant runAt = Instant.parse(status.lastWorkflowId().substring(SCHEDULED.length()));
    assertThat(runAt).isBetween(Instant.ofEpochMilli(start).plus(INTERVAL),
        Instant.ofEpochMilli(start).plus(INTERVAL).plus(SETTLE));
    // The child got the schedule's request: its window ends when the child runs.
    assertThat(prepared).hasSize(1);
    PrepareRequest p = prepared.get(0);
    assertThat(p.runKey()).startsWith(status.lastWorkflowId() + "/");
    assertThat(p.windowEnd()).isBetween(runAt, runAt.plus(SETTLE));
    assertThat(p.windowStart()).isEqualTo(p.windowEnd().minus(Duration.ofDays(28)));
    assertThat(p.segments()).isEqualTo("age_band");
    assertThat(p.shards()).isEqualTo(4);
    assertThat(p.settings()).isEqualTo(SETTINGS);
    verify(activities, times(2)).estimateShard(any());
    verify(activities).publishSnapshot(101);
  }

  @Test
  void runsOnceEveryInterval(TestWorkflowEnvironment testEnv) {
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(INTERVAL.multipliedBy(3).plus(SETTLE));

    EffectScheduleStatus status = workflow.status();
    assertThat(status.runs()).isEqualTo(3);
    assertThat(status.last()).isEqualTo(new SnapshotResult(103, "published", 80, 20, null));
    assertThat(prepared).extracting(PrepareRequest::runKey).doesNotHaveDuplicates();
  }

  @Test
  void runNowStartsARunBeforeTheIntervalAndTheNextRunWaitsAWholeInterval(TestWorkflowEnvironment testEnv) {
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::maintain, SCHEDULE);
    testEnv.sleep(Duration.ofHours(1));

    workflow.runNow();
    testEnv.sleep(SETTLE);
    EffectScheduleStatus signalled = workflow.status();
    assertThat(signalled.runs()).isEqualTo(1);
    assertThat(signalled.last().status()).isEqualTo("published");
    assertThat(signalled.lastWorkflowId()).startsWith(SCHEDULED);

    // The interval starts again after the signalled run: nothing at 6 h, the next run at 7 h.
    testEnv.sleep(INTERVAL.minus(SETTLE.multipliedBy(3)));
    assertThat(workflow.status().runs()).isEqualTo(1);
    testEnv.sleep(SETTLE.multipliedBy(4));
    assertThat(workflow.status().runs()).isEqualTo(2);
  }

  @Test
  void runNowDuringARunTriggersTheNextRunRightAfterIt(TestWorkflowEnvironment testEnv) throws Exception {
    CountDownLatch preparing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    holdFirstPrepare(preparing, release);
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::maintain, SCHEDULE);
    workflow.runNow();
    assertThat(preparing.await(30, TimeUnit.SECONDS)).isTrue();

    workflow.runNow();
    release.countDown();
    testEnv.sleep(SETTLE);

    assertThat(workflow.status().runs()).isEqualTo(2);
  }

  /**
   * The loop's last run of an execution is no exception: a runNow that arrives while it works is
   * not dropped by the continue-as-new that follows.
   */
  @Test
  void runNowDuringTheLastRunOfAnExecutionIsNotLost(TestWorkflowEnvironment testEnv) throws Exception {
    CountDownLatch preparing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    holdFirstPrepare(preparing, release);
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::maintain, new EffectSchedule(INTERVAL, REQUEST, 1));
    workflow.runNow();
    assertThat(preparing.await(30, TimeUnit.SECONDS)).isTrue();

    workflow.runNow();
    release.countDown();
    testEnv.sleep(SETTLE);

    verify(activities, times(2)).prepareSnapshot(any());
    verify(activities, times(2)).publishSnapshot(anyLong());
  }

  @Test
  void failedSnapshotIsRecordedAndTheNextRunGoesOn(TestWorkflowEnvironment testEnv) {
    doAnswer(call -> plan(call.getArgument(0), NO_EXPOSURES))
        .doAnswer(call -> plan(call.getArgument(0), null))
        .when(activities).prepareSnapshot(any());
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(INTERVAL.plus(SETTLE));
    EffectScheduleStatus failedRun = workflow.status();
    assertThat(failedRun.runs()).isEqualTo(1);
    assertThat(failedRun.last()).isEqualTo(new SnapshotResult(101, "failed", 0, 0, NO_EXPOSURES));
    assertThat(failedRun.error()).isEqualTo(NO_EXPOSURES);
    verify(activities).failSnapshot(101, NO_EXPOSURES);

    testEnv.sleep(INTERVAL);
    EffectScheduleStatus nextRun = workflow.status();
    assertThat(nextRun.runs()).isEqualTo(2);
    assertThat(nextRun.last()).isEqualTo(new SnapshotResult(102, "published", 80, 20, null));
    assertThat(nextRun.error()).isNull();
  }

  /** prepare refuses the request: the child fails (no snapshot exists to mark failed). */
  @Test
  void failedChildIsRecordedWithItsReasonAndTheNextRunGoesOn(TestWorkflowEnvironment testEnv) {
    doAnswer(call -> plan(call.getArgument(0), null))
        .doAnswer(call -> {
          throw ApplicationFailure.newFailure("unknown segment scheme 'planet'", EffectActivitiesImpl.INVALID_REQUEST);
        })
        .doAnswer(call -> plan(call.getArgument(0), null))
        .when(activities).prepareSnapshot(any());
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(INTERVAL.plus(SETTLE));
    EffectScheduleStatus firstRun = workflow.status();
    assertThat(firstRun.last()).isEqualTo(new SnapshotResult(101, "published", 80, 20, null));

    testEnv.sleep(INTERVAL);
    EffectScheduleStatus failedRun = workflow.status();
    assertThat(failedRun.runs()).isEqualTo(2);
    assertThat(failedRun.lastWorkflowId()).startsWith(SCHEDULED).isNotEqualTo(firstRun.lastWorkflowId());
    // The reason in the activity's words, not the child's or the activity's wrapper.
    assertThat(failedRun.error()).isEqualTo("unknown segment scheme 'planet'");
    // The failed run has no result: the last one stays the last snapshot a run produced.
    assertThat(failedRun.last()).isEqualTo(firstRun.last());
    // Attempted once: the child's retry options do not retry an invalid request.
    verify(activities, times(2)).prepareSnapshot(any());

    testEnv.sleep(INTERVAL);
    EffectScheduleStatus nextRun = workflow.status();
    assertThat(nextRun.runs()).isEqualTo(3);
    assertThat(nextRun.error()).isNull();
    assertThat(nextRun.last()).isEqualTo(new SnapshotResult(102, "published", 80, 20, null));
  }

  @Test
  void continuesAsNewAfterRunsPerExecutionRuns(TestWorkflowEnvironment testEnv) {
    EffectScheduleWorkflow workflow = startWorkers(testEnv);
    WorkflowExecution firstExecution =
        WorkflowClient.start(workflow::maintain, new EffectSchedule(INTERVAL, REQUEST, 2));

    // Runs at 6 h and 12 h, then the next execution starts and waits its own interval.
    testEnv.sleep(INTERVAL.multipliedBy(2).plus(SETTLE));

    assertThat(RunStatus.of(testEnv, firstExecution))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    EffectScheduleWorkflow latest = testEnv.getWorkflowClient()
        .newWorkflowStub(EffectScheduleWorkflow.class, EffectScheduleWorkflow.WORKFLOW_ID);
    assertThat(latest.status().runs()).isZero();
    verify(activities, times(2)).prepareSnapshot(any());

    // The new execution runs with the same schedule.
    testEnv.sleep(INTERVAL);
    assertThat(latest.status().runs()).isEqualTo(1);
    assertThat(latest.status().last()).isEqualTo(new SnapshotResult(103, "published", 80, 20, null));
    verify(activities, times(3)).prepareSnapshot(any());
    assertThat(prepared).allSatisfy(p -> assertThat(p.shards()).isEqualTo(4));
  }

  /** A plan of two shards for a new snapshot; {@code empty} says why there is nothing to estimate. */
  /** The first run's prepare step counts {@code preparing} down and waits for {@code release}. */
  private void holdFirstPrepare(CountDownLatch preparing, CountDownLatch release) {
    doAnswer(call -> {
      preparing.countDown();
      assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
      return plan(call.getArgument(0), null);
    }).doAnswer(call -> plan(call.getArgument(0), null)).when(activities).prepareSnapshot(any());
  }

  /**
   * Plans that start no explanations: their child would wait for a worker that these tests do not
   * run, and a pending workflow task holds the test server's clock, so the schedule's timers would
   * never fire.
   */
  private SnapshotPlan plan(PrepareRequest request, String empty) {
    prepared.add(request);
    long id = snapshots.incrementAndGet();
    return empty == null
        ? new SnapshotPlan(id, 2, 10, 4, 500, 120_000, null, false)
        : new SnapshotPlan(id, 0, 0, 4, 0, 0, empty, false);
  }

  /** Both workflows and the activities on the effects queue, as deployed. Stub before this. */
  private EffectScheduleWorkflow startWorkers(TestWorkflowEnvironment testEnv) {
    Worker effects = testEnv.newWorker(TaskQueues.EFFECTS);
    effects.registerWorkflowImplementationTypes(EffectScheduleWorkflowImpl.class, EffectEstimationWorkflowImpl.class);
    effects.registerActivitiesImplementations(activities);
    testEnv.start();
    return testEnv.getWorkflowClient()
        .newWorkflowStub(
            EffectScheduleWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(EffectScheduleWorkflow.WORKFLOW_ID)
                .setTaskQueue(TaskQueues.EFFECTS)
                .build());
  }
}
