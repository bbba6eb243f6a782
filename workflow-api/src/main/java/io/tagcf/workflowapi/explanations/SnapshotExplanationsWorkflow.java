package io.tagcf.workflowapi.explanations;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * After a snapshot is published: explains every video it has effects for, in each language, page by
 * page, a bounded number at a time (the LLM calls among them are further rate-limited on their
 * queue). Continues as new every few pages. Ids: {@link #workflowId}.
 */
@WorkflowInterface
public interface SnapshotExplanationsWorkflow {

  String ID_PREFIX = "explanations/snapshot/";

  static String workflowId(long snapshotId) {
    return ID_PREFIX + snapshotId;
  }

  @WorkflowMethod
  SnapshotExplanationsProgress explainSnapshot(SnapshotExplanationsRequest request);

  @QueryMethod
  SnapshotExplanationsProgress progress();
}
