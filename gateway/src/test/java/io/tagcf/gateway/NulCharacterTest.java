package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** U+0000, which PostgreSQL text cannot hold, is a 400 naming where it was, never a 500. */
class NulCharacterTest extends GatewayTest {

  @Test
  void anUploadWithANulInAnyTextFieldIsRefusedAndChangesNothing() {
    JsonObject upload = new JsonObject().put("videoId", "v-1").put("creatorId", "c-1")
        .put("title", "Street food\u0000 tour").put("description", "ok").put("coverText", "\u0000");

    Reply r = gateway.postJson("/v1/videos", upload.encode());

    assertThat(fields(assertProblem(r, 400, "Invalid request", "/v1/videos"))).containsExactly("title", "coverText");
    assertThat(gateway.videos.find("v-1")).isEmpty();
    assertThat(gateway.ingest.requests()).isEmpty();
  }

  @Test
  void aNulDeepInAnInteractionBatchIsNamedByItsPath() {
    JsonObject event = new JsonObject().put("eventId", "e1").put("userId", "u\u00001").put("videoId", "v1")
        .put("exposedAt", "2026-11-01T12:00:00Z").put("clicked", true).put("watchRatio", 0.5)
        .put("completed", false).put("liked", false);
    JsonObject batch = new JsonObject().put("events", new JsonArray().add(event.copy().put("userId", "u1")).add(event));

    Reply r = gateway.postJson("/v1/interactions", batch.encode());

    assertThat(fields(assertProblem(r, 400, "Invalid request", "/v1/interactions"))).containsExactly("events.1.userId");
    assertThat(gateway.interactions.events()).isEmpty();
  }

  @Test
  void aNulInAQueryParameterOrThePathIsNamed() {
    assertThat(fields(assertProblem(gateway.get("/v1/tags?q=cat%00s"), 400, "Invalid request", "/v1/tags")))
        .containsExactly("q");
    assertThat(fields(assertProblem(gateway.get("/v1/videos/v%001"), 400, "Invalid request", "/v1/videos/v%001")))
        .containsExactly("path");
    assertThat(gateway.tags.searches()).isEmpty();
  }

  @Test
  void anEscapedBackslashBeforeU0000IsOrdinaryText() {
    // JSON "\\u0000" is a backslash and the letters u0000, not a NUL.
    String upload = "{\"videoId\":\"v-2\",\"creatorId\":\"c-1\",\"title\":\"path C:\\\\u0000 ok\"}";

    assertThat(gateway.postJson("/v1/videos", upload).status()).isEqualTo(202);
  }
}
