package io.tagcf.gateway.ingest;

/** Starts the durable ingest of a video's content; the gateway's port to the orchestrator. */
public interface IngestStarter {

  /**
   * Starts the video's ingest run for this content, or tells the running one that the content
   * changed. Idempotent for the same content. Blocking.
   *
   * @param revision the content's revision, which orders the news of two quick uploads
   * @throws IngestUnavailableException when the orchestrator cannot be reached
   */
  void requestIngest(String videoId, String contentHash, long revision);

  /** The id of the video's ingest workflow. */
  String workflowId(String videoId);

  /** True when the orchestrator answers. Blocking. */
  boolean isReachable();
}
