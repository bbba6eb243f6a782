package io.tagcf.workflowapi.explanations;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Explains one video for one published snapshot in one language: gather the evidence, ask the LLM
 * (when one is configured), verify, fall back to the template, store. A stored explanation is
 * never written again: the run then only reports it. Ids: {@link #workflowId}.
 */
@WorkflowInterface
public interface ExplanationWorkflow {

  String ID_PREFIX = "video-explanation/";

  /** One id per (video, snapshot, language), so that a second request joins the first. */
  static String workflowId(String videoId, long snapshotId, String language) {
    return ID_PREFIX + videoId + "/" + snapshotId + "/" + language;
  }

  @WorkflowMethod
  ExplanationResult explain(ExplanationRequest request);
}
