package io.tagcf.workflowapi.ingest;

/** Start a run for this video at this content. */
public record IngestRequest(String videoId, String contentHash) {}
