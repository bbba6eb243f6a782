package io.tagcf.workflowapi.ingest;

/** How a run ended: its content was stored, or newer content took over. */
public record IngestResult(
    String videoId, String contentHash, Outcome outcome, int itemTags, int audienceTags) {

  public enum Outcome {
    DONE,
    SUPERSEDED
  }
}
