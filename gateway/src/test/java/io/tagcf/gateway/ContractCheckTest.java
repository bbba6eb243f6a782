package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.tags.TagKind;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract check that every gateway test goes through rejects what the document forbids. */
class ContractCheckTest extends GatewayTest {

  private JsonObject video;

  @BeforeEach
  void aRealVideo() {
    gateway.videos.put(new StoredVideo(
        new VideoSubmission("v-1", "c-1", "title", null, null, null, 12.5, "en", null),
        "h", IngestStage.DONE, "video-ingest/v-1", null, Instant.EPOCH, Instant.EPOCH));
    gateway.videos.putTags("v-1", List.of(new VideoTag(1, TagKind.ITEM, "cats", "cats", "猫", false, 0.9, 1,
        "cat", 0.95, "offline", null, null, "onnx", null)));
    video = gateway.get("/v1/videos/v-1").json();
  }

  @Test
  void theRealResponsePasses() {
    assertThatCode(() -> gateway.contract().checkFabricated("getVideo", 200, "application/json", video))
        .doesNotThrowAnyException();
  }

  @Test
  void aVideoWithoutStageFails() {
    JsonObject broken = video.copy();
    broken.remove("stage");

    assertThatThrownBy(() -> gateway.contract().checkFabricated("getVideo", 200, "application/json", broken))
        .isInstanceOf(AssertionError.class).hasMessageContaining("stage");
  }

  @Test
  void aStageOutsideTheEnumFails() {
    JsonObject broken = video.copy().put("stage", "finished");

    assertThatThrownBy(() -> gateway.contract().checkFabricated("getVideo", 200, "application/json", broken))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aScoreThatIsNotANumberFails() {
    JsonObject broken = video.copy();
    broken.getJsonArray("itemTags").getJsonObject(0).put("score", "high");

    assertThatThrownBy(() -> gateway.contract().checkFabricated("getVideo", 200, "application/json", broken))
        .isInstanceOf(AssertionError.class).hasMessageContaining("score");
  }

  @Test
  void aStatusTheOperationDoesNotDeclareFails() {
    JsonObject problem = new JsonObject().put("type", "https://tagcf.dev/problems/teapot").put("title", "Teapot")
        .put("status", 418);

    assertThatThrownBy(() -> gateway.contract().checkFabricated("getVideo", 418, "application/problem+json", problem))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aProblemWithoutTitleFails() {
    JsonObject problem = new JsonObject().put("type", "https://tagcf.dev/problems/not-found").put("status", 404);

    assertThatThrownBy(() -> gateway.contract().checkFabricated("getVideo", 404, "application/problem+json", problem))
        .isInstanceOf(AssertionError.class).hasMessageContaining("title");
  }

  @Test
  void anErrorSentAsPlainJsonFailsThoughTheRoutersCopySaysJson() {
    Buffer problem = new JsonObject().put("type", "https://tagcf.dev/problems/not-found").put("title", "Not found")
        .put("status", 404).toBuffer();
    MultiMap json = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    MultiMap problemJson = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/problem+json");

    assertThatCode(() -> gateway.contract().check(HttpMethod.GET, "/v1/videos/x", 404, problemJson, problem))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> gateway.contract().check(HttpMethod.GET, "/v1/videos/x", 404, json, problem))
        .isInstanceOf(AssertionError.class).hasMessageContaining("media type application/json not declared");
  }

  @Test
  void aRouteOutsideTheContractMustAnswerWithAProblem() {
    MultiMap html = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/html");

    assertThatThrownBy(() -> gateway.contract().check(HttpMethod.GET, "/v1/nothing", 404, html,
        Buffer.buffer("<h1>Not found</h1>"))).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> gateway.contract().check(HttpMethod.GET, "/v1/nothing", 200, html,
        Buffer.buffer("<h1>Hello</h1>"))).isInstanceOf(AssertionError.class);
  }
}
