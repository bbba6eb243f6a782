package io.tagcf.workflows.ingest;

import io.tagcf.activities.ingest.ReconcileActivities;
import io.tagcf.models.video.ReconcilePass;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.ingest.IngestReconcilerWorkflow;
import io.tagcf.workflowapi.ingest.ReconcileSchedule;
import io.tagcf.workflowapi.ingest.ReconcileStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Orchestration only: a pass per interval; a failed pass is recorded in the status and the loop goes on. */
public final class IngestReconcilerWorkflowImpl implements IngestReconcilerWorkflow {

  private final ReconcileActivities activities =
      Workflow.newActivityStub(
          ReconcileActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.MAINTENANCE)
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setRetryOptions(RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(5))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(5)
                  .build())
              .build());

  private ReconcileStatus status = ReconcileStatus.initial();

  @Override
  public void reconcile(ReconcileSchedule schedule) {
    for (int run = 0; run < schedule.runsPerExecution(); run++) {
      try {
        ReconcilePass pass = activities.resignalStranded(schedule.minAge(), schedule.batch());
        status = new ReconcileStatus(status.passes() + 1, status.signalled() + pass.signalled(), pass,
            Workflow.currentTimeMillis(), null);
      } catch (ActivityFailure f) {
        status = new ReconcileStatus(status.passes() + 1, status.signalled(), status.last(),
            Workflow.currentTimeMillis(), f.getCause() == null ? f.getMessage() : f.getCause().getMessage());
      }
      Workflow.sleep(schedule.interval());
    }
    Workflow.continueAsNew(schedule);
  }

  @Override
  public ReconcileStatus status() {
    return status;
  }
}
