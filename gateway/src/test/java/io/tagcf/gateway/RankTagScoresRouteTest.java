package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.models.ranking.ExpandedRole;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/rank/tag-scores. */
class RankTagScoresRouteTest extends GatewayTest {

  private static final String URI = "/v1/rank/tag-scores";
  private static final long COOKING = 10;
  private static final long VIOLIN = 11;
  private static final long PARENTS = 20;
  private static final long MUSICIANS = 21;

  private static TagSummary tag(long id, TagKind kind, String en) {
    return new TagSummary(id, kind, "t-" + id, en, null, null, false, false, 0, false, null);
  }

  /**
   * u-1 watched cooking only (P = 1) and is a parent; parents point at violin, which points at
   * musicians (T(1) = {musicians: 1}). v-cook: cooking 3 + violin 1 (P = .75, .25), audience
   * parents; v-violin: violin, audience musicians; v-plain: no tags.
   */
  @BeforeEach
  void profilesAndCandidates() {
    gateway.rankings.putProfile("u-1", new UserTagProfile(Map.of(COOKING, 1.0), Map.of(PARENTS, 1.0),
        List.of(new ExpandedRole(MUSICIANS, 1.0, PARENTS, VIOLIN))));
    gateway.rankings.putVideo("v-cook", ItemTags.fromScores(Map.of(COOKING, 0.9, VIOLIN, 0.3), Map.of(PARENTS, 0.8)));
    gateway.rankings.putVideo("v-violin", ItemTags.fromScores(Map.of(VIOLIN, 0.9), Map.of(MUSICIANS, 0.7)));
    gateway.rankings.putVideo("v-plain", ItemTags.NONE);
    List.of(tag(COOKING, TagKind.ITEM, "home cooking"), tag(VIOLIN, TagKind.ITEM, "violin"),
        tag(PARENTS, TagKind.AUDIENCE, "new parents"), tag(MUSICIANS, TagKind.AUDIENCE, "musicians"))
        .forEach(gateway.rankings::putTag);
  }

  private Reply rank(String userId, String... candidates) {
    return gateway.postJson(URI, new JsonObject().put("userId", userId).put("candidates", new JsonArray(List.of(candidates))).encode());
  }

  @Test
  void scoresEachCandidateInOrderWithItsPathsAndTheirLabels() {
    gateway.presenting(FakeKeyStore.SERVICE);
    Reply r = rank("u-1", "v-violin", "v-cook", "v-plain", "v-missing");

    assertThat(r.status()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getBoolean("profileFound")).isTrue();
    JsonArray scores = body.getJsonArray("scores");
    assertThat(scores.stream().map(s -> ((JsonObject) s).getString("videoId"))).containsExactly("v-violin", "v-cook", "v-plain");
    JsonObject violin = scores.getJsonObject(0);
    assertThat(violin.getDouble("tag0")).isZero();
    assertThat(violin.getValue("interestPath")).isNull();
    assertThat(violin.getDouble("tag1")).isCloseTo(1.0, within(1e-12));
    assertThat(violin.getJsonObject("logicPath")).isEqualTo(new JsonObject()
        .put("roleTagId", PARENTS).put("itemTagId", VIOLIN).put("expandedRoleTagId", MUSICIANS).put("contribution", 1.0));
    JsonObject cook = scores.getJsonObject(1);
    assertThat(cook.getDouble("tag0")).isCloseTo(0.75, within(1e-12));
    assertThat(cook.getJsonObject("interestPath").getLong("tagId")).isEqualTo(COOKING);
    assertThat(cook.getDouble("tag1")).isZero();
    assertThat(scores.getJsonObject(2).getDouble("tag0")).isZero();
    assertThat(body.getJsonArray("unknownVideos")).containsExactly("v-missing");
    Map<Long, String> labels = body.getJsonArray("tags").stream().map(t -> (JsonObject) t)
        .collect(Collectors.toMap(t -> t.getLong("tagId"), t -> t.getString("labelEn")));
    assertThat(labels).isEqualTo(Map.of(COOKING, "home cooking", VIOLIN, "violin", PARENTS, "new parents", MUSICIANS, "musicians"));
    assertThat(r.header("Server-Timing")).matches("db;dur=[0-9.]+, score;dur=[0-9.]+");
    assertThat(gateway.rankings.candidateReads()).as("one read for all candidates").containsExactly(4);
    assertOnWorkerThreads("rankings.profileOf");
    assertOnWorkerThreads("rankings.itemTags");
    assertOnWorkerThreads("rankings.findTags");
  }

  @Test
  void repeatedCandidatesAreRememberedAndOnlyNewOnesRead() {
    rank("u-1", "v-cook", "v-violin", "v-missing");
    JsonObject second = rank("u-1", "v-violin", "v-plain", "v-missing").json();

    // v-violin is remembered; v-plain is new, and v-missing, unknown, is asked again
    assertThat(gateway.rankings.candidateReads()).containsExactly(3, 2);
    assertThat(gateway.threads.of("rankings.profileOf")).hasSize(1);
    assertThat(second.getJsonArray("scores").getJsonObject(0).getDouble("tag1")).isCloseTo(1.0, within(1e-12));
    assertThat(second.getJsonArray("unknownVideos")).containsExactly("v-missing");
  }

  @Test
  void aUserWithoutAProfileGetsZeroScores() {
    JsonObject body = rank("stranger", "v-cook").json();

    assertThat(body.getBoolean("profileFound")).isFalse();
    assertThat(body.getJsonArray("scores").getJsonObject(0).getDouble("tag0")).isZero();
    assertThat(body.getJsonArray("tags")).isEmpty();
  }

  @Test
  void aThousandCandidatesAreAcceptedAndOneMoreIsRefused() {
    String[] thousand = IntStream.range(0, 1000).mapToObj(i -> "v-" + i).toArray(String[]::new);
    assertThat(rank("u-1", thousand).json().getJsonArray("unknownVideos")).hasSize(1000);
    String[] tooMany = IntStream.range(0, 1001).mapToObj(i -> "v-" + i).toArray(String[]::new);
    assertThat(fields(assertProblem(rank("u-1", tooMany), 400, "Invalid request", URI))).containsExactly("candidates");
  }

  @Test
  void badBodiesAre400NamingTheFieldAndReadNothing() {
    assertThat(fields(assertProblem(rank("u-1"), 400, "Invalid request", URI))).containsExactly("candidates");
    assertThat(fields(assertProblem(rank("u-1", "v-cook", "v-plain", "v-cook"), 400, "Invalid request", URI)))
        .containsExactly("candidates.2");
    assertThat(fields(assertProblem(rank("a b", "v-cook"), 400, "Invalid request", URI))).containsExactly("userId");
    assertThat(fields(assertProblem(rank("u-1", "v cook"), 400, "Invalid request", URI))).hasSize(1)
        .allMatch(f -> f.startsWith("candidates"));
    assertThat(fields(assertProblem(gateway.postJson(URI, "{\"candidates\":[\"v-cook\"]}"), 400, "Invalid request", URI)))
        .containsExactly("userId");
    assertThat(fields(assertProblem(gateway.postJson(URI, "{\"userId\":\"u-1\",\"candidates\":[\"v-cook\"],\"k\":1}"), 400,
        "Invalid request", URI))).isNotEmpty();
    assertThat(gateway.threads.of("rankings.profileOf")).isEmpty();
  }

  @Test
  void onlyServiceAndAdminKeysMayRank() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertProblem(rank("u-1", "v-cook"), 403, "Forbidden", URI);
    gateway.presenting(null);
    assertProblem(rank("u-1", "v-cook"), 401, "Unauthorized", URI);
    gateway.presenting(FakeKeyStore.SERVICE);
    assertThat(rank("u-1", "v-cook").status()).isEqualTo(200);
    assertThat(gateway.threads.of("rankings.itemTags")).hasSize(1);
  }
}
