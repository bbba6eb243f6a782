package io.tagcf.gateway.effects;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a snapshot request body that the OpenAPI schema has already checked for shape: absent
 * fields take {@link EffectRequest#defaults()}, and the request's own rules
 * ({@link EffectRequest#problems()}, e.g. the segment scheme) become field violations.
 */
final class SnapshotRequests {

  private SnapshotRequests() {}

  /** @throws ProblemException (400) naming every invalid field */
  static EffectRequest parse(JsonObject body) {
    EffectRequest defaults = EffectRequest.defaults();
    List<FieldViolation> violations = new ArrayList<>();
    Instant windowEnd = defaults.windowEnd();
    String end = body.getString("windowEnd");
    if (end != null) {
      try {
        windowEnd = OffsetDateTime.parse(end).toInstant();
      } catch (DateTimeParseException e) {
        violations.add(new FieldViolation("windowEnd", "must be an ISO-8601 date-time such as 2026-10-03T00:00:00Z"));
      }
    }
    EffectRequest request = new EffectRequest(
        windowEnd,
        body.getInteger("windowDays", defaults.windowDays()),
        body.getString("segments", defaults.segments()),
        body.getInteger("shards", defaults.shards()),
        defaults.settings());
    for (String problem : request.problems()) {
      violations.add(violation(problem));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problem.invalid(violations));
    }
    return request;
  }

  /** {@code "field: what is wrong"}, as {@link EffectRequest#problems()} words it. */
  private static FieldViolation violation(String problem) {
    int colon = problem.indexOf(": ");
    return colon > 0
        ? new FieldViolation(problem.substring(0, colon), problem.substring(colon + 2))
        : new FieldViolation("body", problem);
  }
}
