package io.tagcf.gateway.problem;

import io.tagcf.models.video.FieldViolation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each offending field, so that a client can
 * show the message next to the right input.
 */
public record Problem(int status, String title, String detail, List<FieldViolation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://tagcf.dev/problems/";
  /** Field errors a problem lists at most; the detail counts the rest. */
  public static final int LISTED_ERRORS = 20;

  public Problem {
    errors = List.copyOf(errors);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem(status, title, detail, List.of());
  }

  /**
   * A 400 naming each offending field, the first {@link #LISTED_ERRORS} of them where there are
   * more (a batch of 10,000 bad events would otherwise be answered by a larger document).
   */
  public static Problem invalid(List<FieldViolation> errors) {
    List<FieldViolation> listed = errors.subList(0, Math.min(errors.size(), LISTED_ERRORS));
    String detail =
        listed.stream().map(FieldViolation::toString).reduce((a, b) -> a + "; " + b).orElse("");
    if (listed.size() < errors.size()) {
      detail += "; and " + (errors.size() - listed.size()) + " more";
    }
    return new Problem(400, "Invalid request", detail, listed);
  }

  public JsonObject toJson(String instance) {
    JsonObject json =
        new JsonObject()
            .put("type", TYPE_BASE + slug())
            .put("title", title)
            .put("status", status)
            .put("detail", detail)
            .put("instance", instance);
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.problem())));
      json.put("errors", list);
    }
    return json;
  }

  private String slug() {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
