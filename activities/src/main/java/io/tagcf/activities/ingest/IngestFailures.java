package io.tagcf.activities.ingest;

import io.temporal.failure.ApplicationFailure;

/**
 * The failure types ingest activities raise that retrying cannot fix. Workflows list them as
 * non-retryable and branch on them.
 */
public final class IngestFailures {

  /** The video's content changed after this run began; a newer run owns it. */
  public static final String CONTENT_SUPERSEDED = "ContentSuperseded";
  /** The video row is gone (deleted, or the id was never stored). */
  public static final String VIDEO_NOT_FOUND = "VideoNotFound";
  /** The stored input cannot be processed (e.g. no text to tag). */
  public static final String INVALID_VIDEO = "InvalidVideo";

  private IngestFailures() {}

  public static ApplicationFailure superseded(String videoId) {
    return ApplicationFailure.newNonRetryableFailure(
        "content of video " + videoId + " changed since this run began", CONTENT_SUPERSEDED);
  }

  public static ApplicationFailure notFound(String videoId) {
    return ApplicationFailure.newNonRetryableFailure("video " + videoId + " not found", VIDEO_NOT_FOUND);
  }

  public static ApplicationFailure invalid(String videoId, String why) {
    return ApplicationFailure.newNonRetryableFailure(
        "video " + videoId + " cannot be ingested: " + why, INVALID_VIDEO);
  }
}
