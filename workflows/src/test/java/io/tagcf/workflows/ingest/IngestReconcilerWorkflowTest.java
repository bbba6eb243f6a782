package io.tagcf.workflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.ingest.ReconcileActivities;
import io.tagcf.models.video.ReconcilePass;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.ingest.IngestReconcilerWorkflow;
import io.tagcf.workflowapi.ingest.ReconcileSchedule;
import io.tagcf.workflowapi.ingest.ReconcileStatus;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reconciler's timer loop against a mocked activity, on the test server's skipped clock. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IngestReconcilerWorkflowTest {

  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private static final Duration MIN_AGE = Duration.ofMinutes(10);
  private static final ReconcileSchedule SCHEDULE = new ReconcileSchedule(INTERVAL, MIN_AGE, 200, 3);
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(IngestReconcilerWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final ReconcileActivities activities = mock(ReconcileActivities.class, withSettings().withoutAnnotations());

  @Test
  void eachIntervalReSignalsTheStrandedVideosAndCountsThem(TestWorkflowEnvironment testEnv, Worker worker) {
    when(activities.resignalStranded(MIN_AGE, 200))
        .thenReturn(new ReconcilePass(3, 3, List.of()))
        .thenReturn(new ReconcilePass(2, 1, List.of("v-9")));
    IngestReconcilerWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::reconcile, SCHEDULE);

    testEnv.sleep(SETTLE);
    assertThat(workflow.status().signalled()).isEqualTo(3);
    testEnv.sleep(INTERVAL);

    ReconcileStatus status = workflow.status();
    assertThat(status.passes()).isEqualTo(2);
    assertThat(status.signalled()).isEqualTo(4);
    assertThat(status.last()).isEqualTo(new ReconcilePass(2, 1, List.of("v-9")));
    assertThat(status.lastError()).isNull();
    verify(activities, times(2)).resignalStranded(MIN_AGE, 200);
  }

  @Test
  void aFailedPassIsRecordedAndTheNextOneGoesOn(TestWorkflowEnvironment testEnv, Worker worker) {
    ApplicationFailure down = ApplicationFailure.newFailure("connection refused", "io.tagcf.store.StoreException");
    // All five attempts of the first pass fail; the next pass finds the database back.
    when(activities.resignalStranded(MIN_AGE, 200))
        .thenThrow(down, down, down, down, down)
        .thenReturn(new ReconcilePass(1, 1, List.of()));
    IngestReconcilerWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::reconcile, SCHEDULE);

    // Five attempts with backoff (5 s up to 1 min) fit in one interval.
    testEnv.sleep(Duration.ofMinutes(3));
    ReconcileStatus failed = workflow.status();
    assertThat(failed.passes()).isEqualTo(1);
    assertThat(failed.lastError()).contains("connection refused");

    testEnv.sleep(INTERVAL);
    assertThat(workflow.status().lastError()).isNull();
    assertThat(workflow.status().signalled()).isEqualTo(1);
  }

  @Test
  void continuesAsNewAfterItsPasses(TestWorkflowEnvironment testEnv, Worker worker) {
    when(activities.resignalStranded(MIN_AGE, 200)).thenReturn(new ReconcilePass(0, 0, List.of()));
    IngestReconcilerWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowExecution first = WorkflowClient.start(workflow::reconcile, SCHEDULE);

    testEnv.sleep(INTERVAL.multipliedBy(3).plus(SETTLE));

    assertThat(RunStatus.of(testEnv, first))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    verify(activities, times(4)).resignalStranded(MIN_AGE, 200);
  }

  private IngestReconcilerWorkflow startWorkers(TestWorkflowEnvironment testEnv, Worker worker) {
    testEnv.newWorker(TaskQueues.MAINTENANCE).registerActivitiesImplementations(activities);
    testEnv.start();
    return testEnv.getWorkflowClient().newWorkflowStub(IngestReconcilerWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(IngestReconcilerWorkflow.WORKFLOW_ID)
            .setTaskQueue(worker.getTaskQueue())
            .build());
  }
}
