package io.tagcf.workflowapi.ingest;

import io.tagcf.models.video.ContentRevision;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Tags and embeds one uploaded video: extract tags, normalise them onto the vocabulary, embed the
 * text, store. One workflow id per video ({@link #workflowId}); uploads reach a running run through
 * {@link #contentRevised} (signal-with-start), so a re-upload never starts a second run.
 */
@WorkflowInterface
public interface VideoIngestWorkflow {

  static String workflowId(String videoId) {
    return "video-ingest/" + videoId;
  }

  @WorkflowMethod
  IngestResult ingest(IngestRequest request);

  /**
   * The video has this content, at this revision; a run working on an older revision restarts on
   * it, and a signal of a revision older than one the run knows is ignored (signals of two quick
   * uploads may arrive in either order).
   */
  @SignalMethod
  void contentRevised(ContentRevision content);

  /**
   * The signal of gateways before revisions: the video now has this content. Kept so that runs
   * signalled by them still take it; new gateways send {@link #contentRevised}.
   */
  @SignalMethod
  void contentChanged(String contentHash);

  /** The current stage: queued, tagging, normalising, embedding, done or failed. */
  @QueryMethod
  String stage();
}
