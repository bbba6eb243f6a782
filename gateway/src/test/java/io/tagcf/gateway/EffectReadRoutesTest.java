package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.estimated;
import static io.tagcf.gateway.EffectFixtures.failed;
import static io.tagcf.gateway.EffectFixtures.insufficient;
import static io.tagcf.gateway.EffectFixtures.published;
import static io.tagcf.gateway.EffectFixtures.running;
import static io.tagcf.gateway.EffectFixtures.withInstrument;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.effects.EffectSort;
import io.tagcf.gateway.fakes.InMemoryEffectStore.CellQuery;
import io.tagcf.gateway.fakes.InMemoryEffectStore.Ranking;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.effects.InstrumentEstimate;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.tags.TagSummary;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/tags/{tagId}/effects, /v1/effects and /v1/videos/{videoId}/attributions. */
class EffectReadRoutesTest extends GatewayTest {

  private static final TagSummary HEALING =
      new TagSummary(7, TagKind.ITEM, "healing", "healing", "治愈感", "mood", false, false, 120, true, null);
  private static final TagSummary NOODLES =
      new TagSummary(8, TagKind.ITEM, "noodles", "noodles", "面条", "food", false, false, 90, true, null);
  private static final TagSummary PRANK =
      new TagSummary(9, TagKind.ITEM, "prank", "prank", null, null, false, false, 40, true, null);

  @BeforeEach
  void snapshots() {
    List.of(HEALING, NOODLES, PRANK).forEach(t -> {
      gateway.tags.put(t);
      gateway.effects.putTag(t);
    });
    gateway.effects.put(published(1));
    gateway.effects.put(published(2));
    gateway.effects.put(running(3, 2, 4));
    gateway.effects.putCells(1, List.of(estimated(7, "all", Outcome.CLICK, 0.5, 0.1, true)));
    gateway.effects.putCells(2, List.of(
        withInstrument(estimated(7, "all", Outcome.CLICK, 0.031, 0.01, true),
            new InstrumentEstimate(Estimate.of(0.04, 0.02), 6.5, true)),
        estimated(7, "all", Outcome.COMPLETION, 0.012, 0.01, false),
        insufficient(7, "18-24", Outcome.CLICK, "too few treated videos: 4 < 20"),
        estimated(8, "all", Outcome.CLICK, -0.02, 0.005, true),
        estimated(9, "all", Outcome.CLICK, 0.01, 0.009, false),
        insufficient(9, "all", Outcome.LIKE, "poor overlap")));
    gateway.effects.putCells(3, List.of(estimated(7, "all", Outcome.CLICK, 0.9, 0.1, true)));
  }

  @Test
  void aTagsEffectsFromTheLatestPublishedSnapshot() {
    Reply r = gateway.get("/v1/tags/7/effects");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(gateway.effects.cellQueries()).containsExactly(new CellQuery(2, 7, null, null));
    JsonObject body = r.json();
    assertThat(body.getJsonObject("tag")).isEqualTo(new JsonObject().put("tagId", 7).put("slug", "healing")
        .put("labelEn", "healing").put("labelZh", "治愈感").put("category", "mood"));
    assertThat(body.getJsonObject("snapshot")).isEqualTo(SnapshotRoutesTest.publishedJson(2));
    JsonArray cells = body.getJsonArray("cells");
    assertThat(cells.stream().map(c -> ((JsonObject) c).getString("segment") + "/" + ((JsonObject) c).getString("outcome")))
        .containsExactly("18-24/click", "all/click", "all/completion");
    assertThat(cells.getJsonObject(1)).isEqualTo(new JsonObject()
        .put("segment", "all")
        .put("outcome", "click")
        .put("status", "estimated")
        .putNull("reason")
        .put("n", counts(400, 120, 280, 50_000, 15_000))
        .put("method", "aipw")
        .put("estimate", 0.031)
        .put("se", 0.01)
        .put("ci", interval(Estimate.of(0.031, 0.01)))
        .put("naive", comparison(Estimate.of(0.031 * 1.5, 0.01)))
        .put("ipw", comparison(Estimate.of(0.031 * 1.1, 0.01 * 1.2)))
        .put("iv", comparison(Estimate.of(0.04, 0.02)).put("firstStageF", 6.5).put("weak", true))
        .put("overlap", new JsonObject().put("essTreated", 95.5).put("essControl", 250.25).put("clippedShare", 0.01))
        .put("refuter", new JsonObject().put("placeboEstimate", 0.001).put("placeboSe", 0.01).put("passed", true))
        .put("sensitivity", new JsonObject().put("eValue", 1.35))
        .put("controlRate", 0.2)
        .put("robust", true));
    assertThat(cells.getJsonObject(2).getValue("iv")).as("no exploration traffic").isNull();
    assertThat(cells.getJsonObject(2).getBoolean("robust")).isFalse();
    assertOnWorkerThreads("effects.latestPublished");
    assertOnWorkerThreads("effects.tagEffects");
  }

  @Test
  void anInsufficientCellHasItsReasonAndCountsAndNoNumbers() {
    JsonObject cell = gateway.get("/v1/tags/7/effects?segment=18-24").json().getJsonArray("cells").getJsonObject(0);

    assertThat(cell).isEqualTo(new JsonObject()
        .put("segment", "18-24")
        .put("outcome", "click")
        .put("status", "insufficient")
        .put("reason", "too few treated videos: 4 < 20")
        .put("n", counts(30, 4, 26, 900, 80))
        .putNull("method").putNull("estimate").putNull("se").putNull("ci").putNull("naive").putNull("ipw")
        .putNull("iv").putNull("overlap").putNull("refuter").putNull("sensitivity").putNull("controlRate")
        .put("robust", false));
  }

  @Test
  void theFiltersAndAnExplicitSnapshotArePassedOn() {
    Reply r = gateway.get("/v1/tags/7/effects?segment=all&outcome=click&snapshot=1");

    assertThat(gateway.effects.cellQueries()).containsExactly(new CellQuery(1, 7, "all", Outcome.CLICK));
    assertThat(r.json().getJsonObject("snapshot").getLong("snapshotId")).isEqualTo(1);
    assertThat(r.json().getJsonArray("cells").getJsonObject(0).getDouble("estimate")).isEqualTo(0.5);
  }

  @Test
  void aTagOutsideTheSnapshotHasNoCells() {
    gateway.tags.put(new TagSummary(10, TagKind.ITEM, "new", "new", null, null, true, false, 1, false, null));

    Reply r = gateway.get("/v1/tags/10/effects");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getJsonArray("cells")).isEmpty();
  }

  @Test
  void anUnknownTagIs404SayingSo() {
    JsonObject problem = assertProblem(gateway.get("/v1/tags/99/effects"), 404, "Not found", "/v1/tags/99/effects");

    assertThat(problem.getString("detail")).isEqualTo("no tag with id 99");
    assertThat(gateway.effects.cellQueries()).isEmpty();
  }

  @Test
  void noPublishedSnapshotIs404SayingSo() {
    gateway.effects.put(failed(4, "no exposures in the window"));
    try (GatewayHarness empty = GatewayHarness.start()) {
      empty.tags.put(HEALING);
      empty.videos.put(video("v-1"));
      empty.effects.put(running(1, 0, 4));
      String detail = "no published effect snapshot yet; start one with POST /v1/admin/snapshots";

      assertThat(assertProblem(empty.get("/v1/tags/7/effects"), 404, "Not found", "/v1/tags/7/effects")
          .getString("detail")).isEqualTo(detail);
      assertThat(assertProblem(empty.get("/v1/effects"), 404, "Not found", "/v1/effects").getString("detail"))
          .isEqualTo(detail);
      assertThat(assertProblem(empty.get("/v1/videos/v-1/attributions"), 404, "Not found",
          "/v1/videos/v-1/attributions").getString("detail")).isEqualTo(detail);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSnapshotThatIsNotPublishedIs404SayingWhy() {
    gateway.effects.put(failed(4, "a shard failed: out of memory"));

    assertThat(assertProblem(gateway.get("/v1/tags/7/effects?snapshot=3"), 404, "Not found", "/v1/tags/7/effects")
        .getString("detail"))
        .isEqualTo("snapshot 3 is still running (2 of 4 shards done); its effects are readable once it is published");
    assertThat(assertProblem(gateway.get("/v1/effects?snapshot=4"), 404, "Not found", "/v1/effects")
        .getString("detail")).isEqualTo("snapshot 4 failed and has no effects: a shard failed: out of memory");
    assertThat(assertProblem(gateway.get("/v1/tags/7/effects?snapshot=50"), 404, "Not found", "/v1/tags/7/effects")
        .getString("detail")).isEqualTo("no snapshot 50");
    assertThat(gateway.effects.cellQueries()).isEmpty();
  }

  @Test
  void anUnknownOutcomeANonNumericSnapshotOrAnUnknownSegmentIs400NamingIt() {
    assertThat(fields(assertProblem(gateway.get("/v1/tags/7/effects?outcome=share"), 400, "Invalid request",
        "/v1/tags/7/effects"))).containsExactly("outcome");
    assertThat(fields(assertProblem(gateway.get("/v1/tags/7/effects?snapshot=latest"), 400, "Invalid request",
        "/v1/tags/7/effects"))).containsExactly("snapshot");
    assertThat(fields(assertProblem(gateway.get("/v1/tags/abc/effects"), 400, "Invalid request",
        "/v1/tags/abc/effects"))).containsExactly("tagId");
    JsonObject segment = assertProblem(gateway.get("/v1/tags/7/effects?segment=65%2B"), 400, "Invalid request",
        "/v1/tags/7/effects");
    assertThat(segment.getJsonArray("errors").getJsonObject(0)).isEqualTo(new JsonObject().put("field", "segment")
        .put("message", "'65+' is not a segment of snapshot 2 (its segments: 18-24, 25-34, all)"));
    assertThat(gateway.effects.cellQueries()).isEmpty();
  }

  @Test
  void theRankingUsesTheContractsDefaults() {
    Reply r = gateway.get("/v1/effects");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(gateway.effects.rankings())
        .containsExactly(new Ranking(2, Outcome.CLICK, "all", EffectSort.EFFECT_DESC, false, 20));
    JsonObject body = r.json();
    assertThat(body.getString("outcome")).isEqualTo("click");
    assertThat(body.getString("segment")).isEqualTo("all");
    assertThat(body.getString("sort")).isEqualTo("effect_desc");
    assertThat(body.getBoolean("robustOnly")).isFalse();
    assertThat(body.getJsonObject("snapshot").getLong("snapshotId")).isEqualTo(2);
    JsonArray items = body.getJsonArray("items");
    assertThat(items.stream().map(i -> ((JsonObject) i).getString("slug"))).containsExactly("healing", "prank", "noodles");
    JsonObject first = items.getJsonObject(0);
    assertThat(first.getInteger("rank")).isEqualTo(1);
    assertThat(first.getLong("tagId")).isEqualTo(7);
    assertThat(first.getString("labelZh")).isEqualTo("治愈感");
    assertThat(first.getString("category")).isEqualTo("mood");
    assertThat(first.getDouble("estimate")).isEqualTo(0.031);
    assertThat(first.getBoolean("robust")).isTrue();
    assertThat(items.getJsonObject(1).getBoolean("robust")).as("not significant").isFalse();
    assertThat(items.getJsonObject(1).getValue("labelZh")).isNull();
    assertThat(items.getJsonObject(2).getInteger("rank")).isEqualTo(3);
    assertOnWorkerThreads("effects.ranking");
  }

  @Test
  void aSegmentWithAPlusIsReadAsSent() {
    gateway.effects.put(new io.tagcf.store.effects.SnapshotInfo(5, "published", EffectFixtures.WINDOW_START,
        EffectFixtures.WINDOW_END, "age_band", List.of("18-24", "55+"), null, 3, 100, 5_000, 1, 1, 6, 0, null,
        EffectFixtures.STARTED, EffectFixtures.PUBLISHED));
    gateway.effects.putCells(5, List.of(estimated(7, "55+", Outcome.LIKE, 0.02, 0.005, true)));

    Reply ranking = gateway.get("/v1/effects?segment=55%2B&outcome=like");
    Reply cells = gateway.get("/v1/tags/7/effects?segment=55%2B");

    assertThat(ranking.status()).as(ranking.text()).isEqualTo(200);
    assertThat(ranking.json().getString("segment")).isEqualTo("55+");
    assertThat(ranking.json().getJsonArray("items")).hasSize(1);
    assertThat(cells.json().getJsonArray("cells").getJsonObject(0).getString("segment")).isEqualTo("55+");
  }

  @Test
  void theRankingPassesEveryParameter() {
    Reply r = gateway.get("/v1/effects?outcome=click&segment=all&sort=effect_asc&limit=2&robust=true&snapshot=2");

    assertThat(gateway.effects.rankings())
        .containsExactly(new Ranking(2, Outcome.CLICK, "all", EffectSort.EFFECT_ASC, true, 2));
    assertThat(r.json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("slug")))
        .containsExactly("noodles", "healing");
    assertThat(r.json().getBoolean("robustOnly")).isTrue();

    gateway.get("/v1/effects?sort=significance&outcome=completion&segment=18-24");
    assertThat(gateway.effects.rankings().get(1))
        .isEqualTo(new Ranking(2, Outcome.COMPLETION, "18-24", EffectSort.SIGNIFICANCE, false, 20));
  }

  @Test
  void invalidRankingParametersAre400NamingThem() {
    for (String[] bad : new String[][] {
        {"outcome=watch", "outcome"}, {"sort=biggest", "sort"}, {"limit=201", "limit"}, {"limit=0", "limit"},
        {"robust=maybe", "robust"}, {"snapshot=x", "snapshot"}, {"segment=men", "segment"}}) {
      assertThat(fields(assertProblem(gateway.get("/v1/effects?" + bad[0]), 400, "Invalid request", "/v1/effects")))
          .as(bad[0]).containsExactly(bad[1]);
    }
    assertThat(gateway.effects.rankings()).isEmpty();
  }

  @Test
  void aVideosAttributions() {
    gateway.videos.put(video("v-1"));
    gateway.effects.putAttributions(2, List.of(
        new VideoAttribution("v-1", 7, "all", Outcome.COMPLETION, 420, 0.43,
            new Estimate(0.42, 0.02, 0.38, 0.46), new Estimate(0.31, 0.02, 0.27, 0.35),
            new Estimate(0.11, 0.03, 0.05, 0.17)),
        new VideoAttribution("v-2", 7, "all", Outcome.COMPLETION, 300, 0.2,
            Estimate.of(0.2, 0.01), Estimate.of(0.1, 0.01), Estimate.of(0.1, 0.01))));

    Reply r = gateway.get("/v1/videos/v-1/attributions");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(new JsonObject()
        .put("videoId", "v-1")
        .put("snapshot", SnapshotRoutesTest.publishedJson(2))
        .put("items", new JsonArray().add(new JsonObject()
            .put("tagId", 7)
            .put("segment", "all")
            .put("outcome", "completion")
            .put("exposures", 420)
            .put("observed", 0.43)
            .put("withTag", new JsonObject().put("rate", 0.42).put("ci", new JsonArray().add(0.38).add(0.46)))
            .put("withoutTag", new JsonObject().put("rate", 0.31).put("ci", new JsonArray().add(0.27).add(0.35)))
            .put("effect", new JsonObject().put("estimate", 0.11).put("ci", new JsonArray().add(0.05).add(0.17))))));
    assertOnWorkerThreads("effects.attributions");
    assertThat(gateway.get("/v1/videos/v-1/attributions?snapshot=1").json().getJsonArray("items"))
        .as("none in snapshot 1").isEmpty();
  }

  @Test
  void attributionsOfAnUnknownVideoAre404AndOfANonNumericSnapshot400() {
    assertThat(assertProblem(gateway.get("/v1/videos/v-9/attributions"), 404, "Not found",
        "/v1/videos/v-9/attributions").getString("detail")).isEqualTo("no video with id v-9");
    gateway.videos.put(video("v-1"));
    assertThat(fields(assertProblem(gateway.get("/v1/videos/v-1/attributions?snapshot=new"), 400, "Invalid request",
        "/v1/videos/v-1/attributions"))).containsExactly("snapshot");
    assertThat(assertProblem(gateway.get("/v1/videos/v-1/attributions?snapshot=3"), 404, "Not found",
        "/v1/videos/v-1/attributions").getString("detail")).startsWith("snapshot 3 is still running");
  }

  private static StoredVideo video(String id) {
    return new StoredVideo(new VideoSubmission(id, "c-1", "a video", null, null, null, 30.0, "zh", null),
        "h", IngestStage.DONE, "video-ingest/" + id, null, Instant.EPOCH, Instant.EPOCH);
  }

  private static JsonObject counts(int videos, int treated, int control, long exposures, long treatedExposures) {
    return new JsonObject().put("videos", videos).put("treatedVideos", treated).put("controlVideos", control)
        .put("exposures", exposures).put("treatedExposures", treatedExposures);
  }

  private static JsonObject comparison(Estimate e) {
    return new JsonObject().put("estimate", e.estimate()).put("se", e.se()).put("ci", interval(e));
  }

  private static JsonArray interval(Estimate e) {
    return new JsonArray().add(e.ciLow()).add(e.ciHigh());
  }
}
