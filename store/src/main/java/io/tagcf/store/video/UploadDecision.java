package io.tagcf.store.video;

import io.tagcf.models.video.IngestStage;

/**
 * What an upload did to the stored video, and so whether the ingest workflow must run.
 *
 * @param revision the revision of the video's content after the upload (1 for the first, one more
 *     for each change)
 */
public record UploadDecision(Kind kind, IngestStage stage, long revision) {

  public enum Kind {
    /** First upload of this video id. */
    CREATED,
    /** Same id, different content: re-tag. */
    CHANGED,
    /** Same content, but the last run failed: run again. */
    REQUEUED,
    /**
     * Same content, not ingested yet: make sure a run is on it. Harmless when one is (it gets a
     * signal with the content it already has); needed when none is, e.g. the start call failed
     * after the row was written, or the embedded server was restarted mid-run.
     */
    RESUMED,
    /** Same content, already ingested or being ingested: nothing to do. */
    UNCHANGED
  }

  public boolean needsIngest() {
    return kind != Kind.UNCHANGED;
  }
}
