package io.tagcf.workflows.coverset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.coverset.CoverSetActivities;
import io.tagcf.activities.coverset.CoverSetRequest;
import io.tagcf.models.coverset.CoverSetSummary;
import io.tagcf.models.tags.TagKind;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.coverset.CoverSetSchedule;
import io.tagcf.workflowapi.coverset.CoverSetStatus;
import io.tagcf.workflowapi.coverset.CoverSetWorkflow;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cover-set timer loop against a mocked activity. The loop never returns, so each test moves
 * the test server's clock with {@code testEnv.sleep} (no real time passes) and reads the
 * {@code status} query. A sleep returns only once all work due before its end is done: the test
 * server does not skip time while a workflow or activity task is outstanding.
 *
 * <p>The timeout turns a restart or continue-as-new that loops for ever (the test clock stands
 * still then) into a failure instead of a hung build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CoverSetWorkflowTest {

  private static final Duration INTERVAL = Duration.ofHours(6);
  private static final CoverSetSchedule SCHEDULE = new CoverSetSchedule(INTERVAL, 30, 0.95, 4);
  /** Well inside one interval: long enough for a run's activities, short of the next run. */
  private static final Duration SETTLE = Duration.ofMinutes(1);

  private static final CoverSetRequest ITEM_REQUEST = new CoverSetRequest(TagKind.ITEM, 30, 0.95);
  private static final CoverSetRequest AUDIENCE_REQUEST = new CoverSetRequest(TagKind.AUDIENCE, 30, 0.95);
  private static final CoverSetSummary ITEM_COVER = new CoverSetSummary(TagKind.ITEM, 7, 0.953, 48, 9_530, 10_000);
  private static final CoverSetSummary AUDIENCE_COVER =
      new CoverSetSummary(TagKind.AUDIENCE, 7, 0.961, 21, 9_610, 10_000);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CoverSetWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final CoverSetActivities activities = mock(CoverSetActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void bothKindsRefresh() {
    when(activities.refreshCoverSet(ITEM_REQUEST)).thenReturn(ITEM_COVER);
    when(activities.refreshCoverSet(AUDIENCE_REQUEST)).thenReturn(AUDIENCE_COVER);
  }

  @Test
  void eachRunRefreshesBothTagKindsWithTheSchedulesWindowAndTau(TestWorkflowEnvironment testEnv, Worker worker) {
    CoverSetWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);

    verify(activities).refreshCoverSet(ITEM_REQUEST);
    verify(activities).refreshCoverSet(AUDIENCE_REQUEST);
    CoverSetStatus status = workflow.status();
    assertThat(status.runs()).isEqualTo(1);
    assertThat(status.latest()).containsExactly(ITEM_COVER, AUDIENCE_COVER);
    assertThat(status.lastError()).isNull();
    assertThat(status.lastRunMillis()).isPositive();
  }

  @Test
  void failedRefreshIsRecordedAndTheNextRunGoesOn(TestWorkflowEnvironment testEnv, Worker worker) {
    when(activities.refreshCoverSet(ITEM_REQUEST))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no items engaged in the last 30 days", "InvalidRequest"))
        .thenReturn(ITEM_COVER);
    CoverSetWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);
    CoverSetStatus failedRun = workflow.status();
    assertThat(failedRun.runs()).isEqualTo(1);
    assertThat(failedRun.lastError()).startsWith("item: ").contains("no items engaged in the last 30 days");
    // The other kind still ran and its cover set is reported.
    assertThat(failedRun.latest()).containsExactly(AUDIENCE_COVER);

    testEnv.sleep(INTERVAL);
    CoverSetStatus nextRun = workflow.status();
    assertThat(nextRun.runs()).isEqualTo(2);
    assertThat(nextRun.lastError()).isNull();
    assertThat(nextRun.latest()).containsExactly(ITEM_COVER, AUDIENCE_COVER);
  }

  @Test
  void bothKindsFailingAreBothRecorded(TestWorkflowEnvironment testEnv, Worker worker) {
    when(activities.refreshCoverSet(ITEM_REQUEST))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no items engaged in the last 30 days", "InvalidRequest"));
    when(activities.refreshCoverSet(AUDIENCE_REQUEST))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no audience tags stored yet", "InvalidRequest"));
    CoverSetWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);

    assertThat(workflow.status().lastError())
        .contains("item: ")
        .contains("no items engaged in the last 30 days")
        .contains("audience: ")
        .contains("no audience tags stored yet");
  }

  @Test
  void refreshNowStartsARunBeforeTheInterval(TestWorkflowEnvironment testEnv, Worker worker) {
    CoverSetWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);
    testEnv.sleep(Duration.ofHours(1));

    workflow.refreshNow();
    testEnv.sleep(SETTLE);

    assertThat(workflow.status().runs()).isEqualTo(2);
    verify(activities, times(2)).refreshCoverSet(ITEM_REQUEST);
    verify(activities, times(2)).refreshCoverSet(AUDIENCE_REQUEST);
  }

  @Test
  void nextRunWaitsForTheWholeInterval(TestWorkflowEnvironment testEnv, Worker worker) {
    CoverSetWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(INTERVAL.minus(SETTLE));
    assertThat(workflow.status().runs()).isEqualTo(1);
    verify(activities, times(1)).refreshCoverSet(ITEM_REQUEST);

    testEnv.sleep(SETTLE.multipliedBy(2));
    assertThat(workflow.status().runs()).isEqualTo(2);
    verify(activities, times(2)).refreshCoverSet(ITEM_REQUEST);
  }

  @Test
  void continuesAsNewAfterRunsPerExecutionRuns(TestWorkflowEnvironment testEnv, Worker worker) {
    CoverSetSchedule twoRuns = new CoverSetSchedule(INTERVAL, 30, 0.95, 2);
    CoverSetWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowExecution firstExecution = WorkflowClient.start(workflow::maintain, twoRuns);

    // Runs at 0 and 6 h; the second run's interval ends at 12 h, where the next execution starts.
    testEnv.sleep(INTERVAL.multipliedBy(2).plus(SETTLE));

    assertThat(RunStatus.of(testEnv, firstExecution))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    // The latest execution has done its first run, with the same schedule.
    CoverSetWorkflow latest =
        testEnv.getWorkflowClient().newWorkflowStub(CoverSetWorkflow.class, CoverSetWorkflow.WORKFLOW_ID);
    assertThat(latest.status().runs()).isEqualTo(1);
    verify(activities, times(3)).refreshCoverSet(ITEM_REQUEST);
    verify(activities, times(3)).refreshCoverSet(AUDIENCE_REQUEST);
  }

  /** The activity runs on the maintenance queue, as deployed; stub before this. */
  private CoverSetWorkflow startWorkers(TestWorkflowEnvironment testEnv, Worker worker) {
    testEnv.newWorker(TaskQueues.MAINTENANCE).registerActivitiesImplementations(activities);
    testEnv.start();
    return testEnv.getWorkflowClient()
        .newWorkflowStub(
            CoverSetWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CoverSetWorkflow.WORKFLOW_ID)
                .setTaskQueue(worker.getTaskQueue())
                .build());
  }
}
