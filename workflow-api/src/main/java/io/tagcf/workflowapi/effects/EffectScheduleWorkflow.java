package io.tagcf.workflowapi.effects;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Publishes a snapshot periodically: a timer loop of child snapshot runs, with continue-as-new. */
@WorkflowInterface
public interface EffectScheduleWorkflow {

  String WORKFLOW_ID = "effects/schedule";

  @WorkflowMethod
  void maintain(EffectSchedule schedule);

  /** Runs the next snapshot now instead of at the end of the interval. */
  @SignalMethod
  void runNow();

  @QueryMethod
  EffectScheduleStatus status();
}
