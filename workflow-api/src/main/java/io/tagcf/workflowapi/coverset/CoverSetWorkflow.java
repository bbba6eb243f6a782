package io.tagcf.workflowapi.coverset;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Keeps the cover sets of both tag kinds current (paper Alg. 1): a timer loop with
 * continue-as-new, which the embedded dev server runs as well as a real cluster (Temporal
 * Schedules it does not have).
 */
@WorkflowInterface
public interface CoverSetWorkflow {

  String WORKFLOW_ID = "vocabulary/cover-set";

  @WorkflowMethod
  void maintain(CoverSetSchedule schedule);

  /** Run now instead of at the next interval. */
  @SignalMethod
  void refreshNow();

  @QueryMethod
  CoverSetStatus status();
}
