package io.tagcf.workflows.effects;

import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectSchedule;
import io.tagcf.workflowapi.effects.EffectScheduleWorkflow;
import io.tagcf.workflowapi.effects.EffectScheduleStatus;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

/** Orchestration only: one child snapshot run per interval; a failed run is recorded and the loop goes on. */
public final class EffectScheduleWorkflowImpl implements EffectScheduleWorkflow {

  private EffectScheduleStatus status = EffectScheduleStatus.initial();
  private boolean runRequested;

  @Override
  public void maintain(EffectSchedule schedule) {
    // A runNow that arrives during the last run still gets its run before the continue-as-new,
    // which would drop it.
    for (int run = 0; run < schedule.runsPerExecution() || runRequested; run++) {
      // Wait first: a platform that just started has no log to estimate from yet.
      Workflow.await(schedule.interval(), () -> runRequested);
      runRequested = false;
      String id = EffectEstimationWorkflow.scheduledId(Workflow.currentTimeMillis());
      EffectEstimationWorkflow child = Workflow.newChildWorkflowStub(EffectEstimationWorkflow.class,
          ChildWorkflowOptions.newBuilder()
              .setWorkflowId(id)
              .setTaskQueue(TaskQueues.EFFECTS)
              .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
              .build());
      SnapshotResult last = status.last();
      String error = null;
      try {
        last = child.estimate(schedule.request());
        error = last.error();
      } catch (ChildWorkflowFailure f) {
        error = FailureReason.of(f);
      }
      status = new EffectScheduleStatus(status.runs() + 1, id, last, error);
    }
    Workflow.continueAsNew(schedule);
  }

  @Override
  public void runNow() {
    runRequested = true;
  }

  @Override
  public EffectScheduleStatus status() {
    return status;
  }
}
