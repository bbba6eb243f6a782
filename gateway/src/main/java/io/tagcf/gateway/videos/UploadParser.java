package io.tagcf.gateway.videos;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoSubmissionRules;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an upload body that the OpenAPI schema has already checked for shape, applies the rules
 * the schema cannot express (timestamps, blank titles) and detects the language if absent.
 */
final class UploadParser {

  private UploadParser() {}

  static VideoSubmission parse(JsonObject body) {
    List<FieldViolation> violations = new ArrayList<>();
    Instant publishedAt = null;
    String published = body.getString("publishedAt");
    if (published != null) {
      try {
        publishedAt = OffsetDateTime.parse(published).toInstant();
      } catch (DateTimeParseException e) {
        violations.add(
            new FieldViolation("publishedAt", "must be an ISO-8601 date-time such as 2026-10-03T12:00:00Z"));
      }
    }
    Number duration = body.getNumber("durationSec");
    VideoSubmission v =
        new VideoSubmission(
            body.getString("videoId"),
            body.getString("creatorId"),
            body.getString("title"),
            body.getString("description"),
            body.getString("transcript"),
            body.getString("coverText"),
            duration == null ? null : duration.doubleValue(),
            body.getString("language"),
            publishedAt);
    violations.addAll(VideoSubmissionRules.violations(v));
    if (!violations.isEmpty()) {
      throw new ProblemException(Problem.invalid(violations));
    }
    if (v.language() == null) {
      String sample = v.title() + " " + (v.description() == null ? "" : v.description());
      v = v.withLanguage(LanguageDetector.detect(sample));
    }
    return v;
  }
}
