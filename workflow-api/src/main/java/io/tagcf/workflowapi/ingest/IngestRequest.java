package io.tagcf.workflowapi.ingest;

/**
 * Start a run for this video at this content.
 *
 * @param revision the content's revision; 0 in requests written before revisions existed
 */
public record IngestRequest(String videoId, String contentHash, long revision) {

  public IngestRequest(String videoId, String contentHash) {
    this(videoId, contentHash, 0);
  }
}
