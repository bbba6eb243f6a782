package io.tagcf.store.video;

import io.tagcf.models.video.IngestStage;

/** What an upload did to the stored video, and so whether the ingest workflow must run. */
public record UploadDecision(Kind kind, IngestStage stage) {

  public enum Kind {
    /** First upload of this video id. */
    CREATED,
    /** Same id, different content: re-tag. */
    CHANGED,
    /** Same content, but the last run failed or never started: run again. */
    REQUEUED,
    /** Same content, already ingested or being ingested: nothing to do. */
    UNCHANGED
  }

  public boolean needsIngest() {
    return kind != Kind.UNCHANGED;
  }
}
