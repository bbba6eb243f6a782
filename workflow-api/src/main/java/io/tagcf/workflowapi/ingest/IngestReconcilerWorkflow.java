package io.tagcf.workflowapi.ingest;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Every accepted upload reaches done or failed: on a timer, finds the videos whose ingest has not
 * moved for a while (a start that failed after the row was written, a lost signal, a server that
 * forgot its runs) and sends each the signal-with-start of its current content. A video whose run
 * is alive just hears of a revision it knows, which changes nothing.
 */
@WorkflowInterface
public interface IngestReconcilerWorkflow {

  String WORKFLOW_ID = "ingest/reconciler";

  @WorkflowMethod
  void reconcile(ReconcileSchedule schedule);

  @QueryMethod
  ReconcileStatus status();
}
