package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.effects.CreatorTagEffect;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/creator/videos and /v1/creator/insights: the key's creator's own, and nobody else's. */
class CreatorRoutesTest extends GatewayTest {

  @BeforeEach
  void videos() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    for (int i = 1; i <= 5; i++) {
      gateway.videos.put(video("v-" + i, "c-1", Instant.parse("2026-10-0" + i + "T00:00:00Z"),
          i == 5 ? IngestStage.TAGGING : IngestStage.DONE));
    }
    gateway.videos.put(video("v-theirs", "c-2", Instant.parse("2026-10-09T00:00:00Z"), IngestStage.DONE));
  }

  @Test
  void theCreatorsVideosArePagedNewestFirstWithTheirStage() {
    JsonObject first = gateway.get("/v1/creator/videos?size=2").json();
    assertThat(first.getLong("total")).isEqualTo(5);
    assertThat(ids(first)).containsExactly("v-5", "v-4");
    assertThat(first.getJsonArray("items").getJsonObject(0).getString("stage")).isEqualTo("tagging");
    assertThat(ids(gateway.get("/v1/creator/videos?size=2&page=3").json())).containsExactly("v-1");
    assertThat(ids(gateway.get("/v1/creator/videos?size=100").json())).doesNotContain("v-theirs");

    gateway.presenting(FakeKeyStore.CREATOR_2);
    assertThat(ids(gateway.get("/v1/creator/videos").json())).containsExactly("v-theirs");
  }

  @Test
  void insightsAreTheCreatorsOwnFromTheLatestSnapshotWithThePlatformsEffect() {
    assertProblem(gateway.get("/v1/creator/insights"), 409, "No published snapshot", "/v1/creator/insights");
    gateway.effects.put(published(3));
    gateway.effects.putInsights("c-1", Outcome.COMPLETION, List.of(
        new CreatorTagEffect(7, "healing", "healing", "治愈感", 3, 900, new Estimate(0.04, 0.01, 0.02, 0.06),
            new Estimate(0.03, 0.005, 0.02, 0.04), true),
        new CreatorTagEffect(8, "noodles", "noodles", "面条", 1, 120, new Estimate(-0.01, 0.02, -0.05, 0.03), null,
            false)));

    JsonObject body = gateway.get("/v1/creator/insights").json();

    assertThat(body.getString("creatorId")).isEqualTo("c-1");
    assertThat(body.getLong("snapshotId")).isEqualTo(3);
    assertThat(body.getString("outcome")).isEqualTo("completion");
    JsonArray items = body.getJsonArray("items");
    assertThat(items.getJsonObject(0).getJsonObject("yours"))
        .isEqualTo(new JsonObject().put("estimate", 0.04).put("ciLow", 0.02).put("ciHigh", 0.06));
    assertThat(items.getJsonObject(0).getJsonObject("platform").getBoolean("robust")).isTrue();
    assertThat(items.getJsonObject(1).getValue("platform")).isNull();

    gateway.presenting(FakeKeyStore.CREATOR_2);
    assertThat(gateway.get("/v1/creator/insights").json().getJsonArray("items")).isEmpty();
    JsonObject problem = assertProblem(gateway.get("/v1/creator/insights?outcome=views"), 400, "Invalid request",
        "/v1/creator/insights");
    assertThat(fields(problem)).containsExactly("outcome");
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("videoId")).toList();
  }

  private static StoredVideo video(String id, String creator, Instant created, IngestStage stage) {
    return new StoredVideo(new VideoSubmission(id, creator, "title " + id, null, null, null, 30.0, "en", null),
        "h", stage, "video-ingest/" + id, null, created, created);
  }
}
