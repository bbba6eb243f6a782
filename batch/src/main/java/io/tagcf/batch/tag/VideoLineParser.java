package io.tagcf.batch.tag;

import io.tagcf.batch.JsonFields;
import io.tagcf.batch.JsonLine;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoSubmissionRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * An input line of {@code tagcf tag}: the body of {@code POST /v1/videos}, under the same rules
 * ({@link VideoSubmissionRules}), unknown fields rejected as the API rejects them (a misspelt
 * "transcirpt" would otherwise be dropped silently), and the language detected when absent.
 */
final class VideoLineParser {

  static final Set<String> FIELDS = Set.of(
      "videoId", "creatorId", "title", "description", "transcript", "coverText", "durationSec",
      "language", "publishedAt");

  private VideoLineParser() {}

  /** @throws io.tagcf.batch.InputException naming the line and every bad field */
  static VideoSubmission parse(JsonLine line) {
    JsonFields f = new JsonFields(line.object());
    f.rejectUnknown(FIELDS);
    Instant publishedAt = null;
    String published = f.string("publishedAt");
    if (published != null) {
      try {
        publishedAt = OffsetDateTime.parse(published).toInstant();
      } catch (DateTimeParseException e) {
        f.fieldProblem("publishedAt", "must be an ISO-8601 date-time such as 2026-10-03T12:00:00Z");
      }
    }
    VideoSubmission v = new VideoSubmission(
        f.string("videoId"), f.string("creatorId"), f.string("title"), f.string("description"),
        f.string("transcript"), f.string("coverText"), f.number("durationSec"), f.string("language"),
        publishedAt);
    // A field of the wrong type reads as absent here: report its type, not that it is missing.
    for (FieldViolation violation : VideoSubmissionRules.violations(v)) {
      f.fieldProblem(violation.field(), violation.problem());
    }
    f.throwIfInvalid(line);
    if (v.language() == null) {
      String sample = v.title() + " " + (v.description() == null ? "" : v.description());
      v = v.withLanguage(LanguageDetector.detect(sample));
    }
    return v;
  }
}
