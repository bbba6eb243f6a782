package io.tagcf.models.video;

import java.time.Instant;

/**
 * A video as the upload pipeline receives it. Free-text fields are untrusted: they are validated
 * for shape by {@link VideoSubmissionRules} and only ever treated as data.
 */
public record VideoSubmission(
    String videoId,
    String creatorId,
    String title,
    String description,
    String transcript,
    String coverText,
    Double durationSec,
    String language,
    Instant publishedAt) {

  public VideoSubmission {
    description = emptyToNull(description);
    transcript = emptyToNull(transcript);
    coverText = emptyToNull(coverText);
    language = emptyToNull(language);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Same submission with the language filled in (used when the uploader left it out). */
  public VideoSubmission withLanguage(String detected) {
    return new VideoSubmission(
        videoId, creatorId, title, description, transcript, coverText, durationSec, detected,
        publishedAt);
  }
}
