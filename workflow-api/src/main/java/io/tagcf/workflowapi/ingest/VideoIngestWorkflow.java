package io.tagcf.workflowapi.ingest;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Tags and embeds one uploaded video: extract tags, normalise them onto the vocabulary, embed the
 * text, store. One workflow id per video ({@link #workflowId}); uploads reach a running run through
 * {@link #contentChanged} (signal-with-start), so a re-upload never starts a second run.
 */
@WorkflowInterface
public interface VideoIngestWorkflow {

  static String workflowId(String videoId) {
    return "video-ingest/" + videoId;
  }

  @WorkflowMethod
  IngestResult ingest(IngestRequest request);

  /** The video now has this content; a run working on older content restarts on it. */
  @SignalMethod
  void contentChanged(String contentHash);

  /** The current stage: queued, tagging, normalising, embedding, done or failed. */
  @QueryMethod
  String stage();
}
