package io.tagcf.workflows.coverset;

import io.tagcf.activities.coverset.CoverSetActivities;
import io.tagcf.activities.coverset.CoverSetRequest;
import io.tagcf.models.coverset.CoverSetSummary;
import io.tagcf.models.tags.TagKind;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.coverset.CoverSetSchedule;
import io.tagcf.workflowapi.coverset.CoverSetStatus;
import io.tagcf.workflowapi.coverset.CoverSetWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Orchestration only; a failed run is recorded in the status and the loop goes on. */
public final class CoverSetWorkflowImpl implements CoverSetWorkflow {

  private final CoverSetActivities activities =
      Workflow.newActivityStub(
          CoverSetActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.MAINTENANCE)
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(5))
                  .setMaximumAttempts(3)
                  .setDoNotRetry("InvalidRequest")
                  .build())
              .build());

  private CoverSetStatus status = CoverSetStatus.initial();
  private boolean refreshRequested;

  @Override
  public void maintain(CoverSetSchedule schedule) {
    for (int run = 0; run < schedule.runsPerExecution(); run++) {
      // A refresh asked for while this run works triggers the next one right after it.
      refreshRequested = false;
      List<CoverSetSummary> results = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (TagKind kind : TagKind.values()) {
        try {
          results.add(activities.refreshCoverSet(new CoverSetRequest(kind, schedule.windowDays(), schedule.tau())));
        } catch (ActivityFailure f) {
          errors.add(kind.wireName() + ": " + (f.getCause() == null ? f.getMessage() : f.getCause().getMessage()));
        }
      }
      status = new CoverSetStatus(status.runs() + 1, Workflow.currentTimeMillis(), results,
          errors.isEmpty() ? null : String.join("; ", errors));
      Workflow.await(schedule.interval(), () -> refreshRequested);
    }
    Workflow.continueAsNew(schedule);
  }

  @Override
  public void refreshNow() {
    refreshRequested = true;
  }

  @Override
  public CoverSetStatus status() {
    return status;
  }
}
