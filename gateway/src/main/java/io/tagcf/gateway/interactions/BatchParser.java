package io.tagcf.gateway.interactions;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.models.video.FieldViolation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a batch body that the OpenAPI schema has already checked for shape, and applies the rules
 * the schema cannot express: timestamps, finite numbers, ids unique within the batch. Every
 * violation names its field by index ({@code events.7.eventId}), so that a producer can find the
 * row; the whole batch is refused on any.
 */
final class BatchParser {

  /**
   * Earliest exposure accepted. Each month of exposures gets its own partition, so a mistyped year
   * would create a partition decades away, and years outside 1-9999 cannot be partition bounds.
   */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  /** How far ahead of this server's clock an exposure may be: producers' clocks drift. */
  static final Duration CLOCK_SKEW = Duration.ofDays(1);

  private BatchParser() {}

  /** @throws ProblemException (400) naming every violation */
  static InteractionBatch parse(JsonObject body, Instant now) {
    List<FieldViolation> violations = new ArrayList<>();
    List<UserProfile> users = users(body.getJsonArray("users", new JsonArray()), violations);
    List<Exposure> events = events(body.getJsonArray("events"), now.plus(CLOCK_SKEW), violations);
    if (!violations.isEmpty()) {
      throw new ProblemException(Problem.invalid(violations));
    }
    return new InteractionBatch(users, events);
  }

  private static List<Exposure> events(JsonArray json, Instant latest, List<FieldViolation> violations) {
    List<Exposure> events = new ArrayList<>(json.size());
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < json.size(); i++) {
      JsonObject e = json.getJsonObject(i);
      String field = "events." + i;
      String eventId = e.getString("eventId");
      Integer earlier = firstIndex.putIfAbsent(eventId, i);
      if (earlier != null) {
        violations.add(new FieldViolation(field + ".eventId", "repeats eventId " + eventId + " of events." + earlier));
      }
      Instant exposedAt = exposedAt(e.getString("exposedAt"), latest, field + ".exposedAt", violations);
      double watchRatio = e.getNumber("watchRatio").doubleValue();
      if (!Double.isFinite(watchRatio)) {
        // A number such as 1e999 passes the schema's minimum but is no ratio.
        violations.add(new FieldViolation(field + ".watchRatio", "must be a finite number >= 0"));
      }
      if (exposedAt == null || !Double.isFinite(watchRatio)) {
        continue;
      }
      try {
        events.add(new Exposure(eventId, e.getString("userId"), e.getString("videoId"), exposedAt,
            e.getBoolean("clicked"), watchRatio, e.getBoolean("completed"), e.getBoolean("liked"),
            e.getBoolean("exploration", false), e.getInteger("position")));
      } catch (IllegalArgumentException rule) {
        // The schema and the checks above leave none today; a rule added to the model later
        // still names its event instead of failing the request.
        violations.add(new FieldViolation(field, rule.getMessage()));
      }
    }
    return events;
  }

  private static Instant exposedAt(String text, Instant latest, String field, List<FieldViolation> violations) {
    Instant at;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be an ISO-8601 date-time such as 2026-11-01T12:00:00Z"));
      return null;
    }
    if (at.isBefore(EARLIEST) || at.isAfter(latest)) {
      violations.add(new FieldViolation(field, "must be from " + EARLIEST + " to a day from now, got " + text));
      return null;
    }
    return at;
  }

  private static List<UserProfile> users(JsonArray json, List<FieldViolation> violations) {
    List<UserProfile> users = new ArrayList<>(json.size());
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < json.size(); i++) {
      JsonObject u = json.getJsonObject(i);
      String field = "users." + i;
      String userId = u.getString("userId");
      Integer earlier = firstIndex.putIfAbsent(userId, i);
      if (earlier != null) {
        violations.add(new FieldViolation(field + ".userId", "repeats userId " + userId + " of users." + earlier));
        continue;
      }
      Map<String, String> attributes = new TreeMap<>();
      u.getJsonObject("attributes", new JsonObject()).forEach(a -> attributes.put(a.getKey(), (String) a.getValue()));
      try {
        users.add(new UserProfile(userId, u.getString("ageBand"), u.getString("cityTier"), u.getString("gender"),
            attributes));
      } catch (IllegalArgumentException rule) {
        // A further attribute named like one of the fields (age_band, city_tier, gender).
        violations.add(new FieldViolation(field + ".attributes", rule.getMessage()));
      }
    }
    return users;
  }
}
