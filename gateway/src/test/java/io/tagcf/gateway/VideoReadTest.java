package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.gateway.fakes.InMemoryVideoStore;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GET /v1/videos/{videoId} and /v1/videos/{videoId}/similar. */
class VideoReadTest extends GatewayTest {

  private static StoredVideo video(String id, String language, IngestStage stage) {
    return new StoredVideo(
        new VideoSubmission(id, "c-1", "猫咪的一天", null, "喵喵喵", "cover", null, language,
            Instant.parse("2026-10-01T08:30:00Z")),
        "hash-" + id, stage, "video-ingest/" + id, null, Instant.parse("2026-10-02T00:00:00Z"), InMemoryVideoStore.NOW);
  }

  private static VideoTag tag(long id, TagKind kind, String en, String zh, String raw, double score, int rank) {
    return new VideoTag(id, kind, "slug-" + id, en, zh, false, score, rank, raw, 0.912345678, "llm", "qwen2.5:7b",
        "tagging-v2", "ollama", null);
  }

  @Test
  void aVideoWithItsTagsInItsLanguage() {
    gateway.videos.put(video("v-zh", "zh", IngestStage.DONE));
    gateway.videos.putTags("v-zh", List.of(
        tag(11, TagKind.ITEM, "cats", "猫", "猫咪", 0.87654321, 1),
        tag(12, TagKind.ITEM, "pets", null, "宠物", 0.5, 2),
        tag(13, TagKind.ITEM, null, null, "萌宠日常", 0.25, 3),
        tag(21, TagKind.AUDIENCE, "cat people", "猫奴", "猫奴", 0.75, 1)));

    Reply r = gateway.get("/v1/videos/v-zh");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonObject v = r.json();
    assertThat(v.copy().put("itemTags", "…").put("audienceTags", "…")).isEqualTo(new JsonObject()
        .put("videoId", "v-zh")
        .put("creatorId", "c-1")
        .put("title", "猫咪的一天")
        .putNull("description")
        .put("coverText", "cover")
        .put("transcriptChars", 3)
        .putNull("durationSec")
        .put("language", "zh")
        .put("publishedAt", "2026-10-01T08:30:00Z")
        .put("stage", "done")
        .putNull("error")
        .put("workflowId", "video-ingest/v-zh")
        .put("itemTags", "…")
        .put("audienceTags", "…")
        .put("updatedAt", "2026-10-03T12:00:00Z"));
    JsonArray items = v.getJsonArray("itemTags");
    assertThat(items.stream().map(t -> ((JsonObject) t).getString("label")))
        .as("Chinese label first, then English, then the raw label")
        .containsExactly("猫", "pets", "萌宠日常");
    assertThat(items.getJsonObject(0)).isEqualTo(new JsonObject()
        .put("tagId", 11)
        .put("label", "猫")
        .put("labelEn", "cats")
        .put("labelZh", "猫")
        .put("score", 0.8765)
        .put("rank", 1)
        .put("source", "llm")
        .put("candidate", false)
        .put("provenance", new JsonObject()
            .put("provider", "ollama")
            .put("model", "qwen2.5:7b")
            .put("promptVersion", "tagging-v2")
            .put("rawLabel", "猫咪")
            .put("matchSimilarity", 0.9123)
            .putNull("fallbackReason")));
    assertThat(v.getJsonArray("audienceTags")).singleElement()
        .satisfies(t -> assertThat(((JsonObject) t).getString("label")).isEqualTo("猫奴"));
    assertOnWorkerThreads("videos.find");
    assertOnWorkerThreads("videos.tagsOf");
  }

  @Test
  void anEnglishVideoPrefersEnglishLabels() {
    gateway.videos.put(video("v-en", "en", IngestStage.TAGGING));
    gateway.videos.putTags("v-en", List.of(tag(11, TagKind.ITEM, "cats", "猫", "kitty", 0.9, 1),
        tag(12, TagKind.ITEM, null, "宠物", "pet", 0.4, 2)));

    JsonObject v = gateway.get("/v1/videos/v-en").json();

    assertThat(v.getString("stage")).isEqualTo("tagging");
    assertThat(v.getJsonArray("itemTags").stream().map(t -> ((JsonObject) t).getString("label")))
        .containsExactly("cats", "宠物");
    assertThat(v.getJsonArray("audienceTags")).isEmpty();
  }

  @Test
  void anUnknownVideoIs404() {
    Reply r = gateway.get("/v1/videos/nope");

    JsonObject problem = assertProblem(r, 404, "Not found", "/v1/videos/nope");
    assertThat(problem.getString("detail")).isEqualTo("no video with id nope");
  }

  @Test
  void anInvalidVideoIdIs400NamingIt() {
    Reply r = gateway.get("/v1/videos/bad%20id");

    assertThat(fields(assertProblem(r, 400, "Invalid request", "/v1/videos/bad%20id"))).contains("videoId");
    assertThat(gateway.threads.of("videos.find")).isEmpty();
  }

  @Test
  void similarVideosMostSimilarFirstWithTheContractsDefaultK() {
    gateway.videos.put(video("v-1", "zh", IngestStage.DONE));
    gateway.videos.putNeighbours("v-1", IntStream.range(0, 12)
        .mapToObj(i -> new SimilarVideo("n-" + i, "neighbour " + i, 0.987654 - i * 0.01)).toList());

    Reply r = gateway.get("/v1/videos/v-1/similar");

    assertThat(r.status()).isEqualTo(200);
    JsonArray items = r.json().getJsonArray("items");
    assertThat(gateway.videos.requestedK()).containsExactly(10);
    assertThat(items).hasSize(10);
    assertThat(items.getJsonObject(0)).isEqualTo(
        new JsonObject().put("videoId", "n-0").put("title", "neighbour 0").put("similarity", 0.9877));
    assertThat(items.getJsonObject(9).getDouble("similarity")).isEqualTo(0.8977);
    assertOnWorkerThreads("videos.nearest");
  }

  @Test
  void aCreatorsNeighboursArePublishedVideosAndTheirOwnAServiceKeysAreAll() {
    gateway.videos.put(video("v-1", "zh", IngestStage.DONE));
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(gateway.get("/v1/videos/v-1/similar").status()).isEqualTo(200);
    gateway.presenting(FakeKeyStore.SERVICE);
    assertThat(gateway.get("/v1/videos/v-1/similar").status()).isEqualTo(200);

    assertThat(gateway.videos.nearestFor()).containsExactly("c-1", "every video");
  }

  @Test
  void similarVideosRespectK() {
    gateway.videos.put(video("v-1", "zh", IngestStage.DONE));
    gateway.videos.putNeighbours("v-1", List.of(
        new SimilarVideo("a", "A", 0.9), new SimilarVideo("b", "B", 0.8), new SimilarVideo("c", "C", 0.7)));

    Reply r = gateway.get("/v1/videos/v-1/similar?k=2");

    assertThat(gateway.videos.requestedK()).containsExactly(2);
    assertThat(r.json()).isEqualTo(new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("videoId", "a").put("title", "A").put("similarity", 0.9))
        .add(new JsonObject().put("videoId", "b").put("title", "B").put("similarity", 0.8))));
  }

  @Test
  void anIngestedVideoWithoutNeighboursHasNone() {
    gateway.videos.put(video("alone", "en", IngestStage.DONE));

    Reply r = gateway.get("/v1/videos/alone/similar");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(new JsonObject().put("items", new JsonArray()));
  }

  @Test
  void similarOfAVideoNotEmbeddedYetIs409() {
    gateway.videos.put(video("busy", "en", IngestStage.EMBEDDING));

    Reply r = gateway.get("/v1/videos/busy/similar");

    JsonObject problem = assertProblem(r, 409, "Conflict", "/v1/videos/busy/similar");
    assertThat(problem.getString("detail")).isEqualTo("video busy has no embedding yet (stage embedding)");
  }

  @Test
  void similarOfAnUnknownVideoIs404() {
    Reply r = gateway.get("/v1/videos/nope/similar");

    assertThat(assertProblem(r, 404, "Not found", "/v1/videos/nope/similar").getString("detail"))
        .isEqualTo("no video with id nope");
    assertThat(gateway.threads.of("videos.nearest")).isEmpty();
  }

  @Test
  void kOutsideTheContractIs400NamingIt() {
    for (String k : List.of("0", "101", "ten")) {
      Reply r = gateway.get("/v1/videos/v-1/similar?k=" + k);
      assertThat(fields(assertProblem(r, 400, "Invalid request", "/v1/videos/v-1/similar"))).containsExactly("k");
    }
    assertThat(gateway.threads.of("videos.find")).isEmpty();
  }
}
