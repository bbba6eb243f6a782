package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.InMemoryTagStore.Search;
import io.tagcf.gateway.tags.TagDetails;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.coverset.CoverSetVersion;
import io.tagcf.store.logic.LogicSource;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.TagPosition;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/tags and /v1/tags/{tagId}. */
class TagRoutesTest extends GatewayTest {

  private static final Instant SEEN = Instant.parse("2026-10-02T09:15:00Z");
  private static final TagSummary COOKS =
      new TagSummary(1, TagKind.AUDIENCE, "home-cooks", "home cooks", "家庭厨师", "lifestyle", false, false, 40, true, SEEN);
  private static final TagSummary NOODLES =
      new TagSummary(2, TagKind.ITEM, "noodles", "noodles", "面条", "food", false, false, 55, false, SEEN);
  private static final TagSummary WOK =
      new TagSummary(3, TagKind.ITEM, "wok-hei", "wok hei", null, null, true, false, 0, false, null);

  @BeforeEach
  void vocabulary() {
    List.of(COOKS, NOODLES, WOK).forEach(gateway.tags::put);
  }

  @Test
  void searchWithoutParametersUsesTheContractsDefaults() {
    Reply r = gateway.get("/v1/tags");

    assertThat(r.status()).isEqualTo(200);
    assertThat(gateway.tags.searches()).containsExactly(new Search(null, null, null, null, 20, true));
    JsonObject page = r.json();
    assertThat(page.getInteger("size")).isEqualTo(20);
    assertThat(page.containsKey("next")).isTrue();
    assertThat(page.getString("next")).as("one page holds all three").isNull();
    assertThat(page.getJsonArray("items").stream().map(t -> ((JsonObject) t).getString("slug")))
        .as("most used first").containsExactly("noodles", "home-cooks", "wok-hei");
    assertThat(page.getJsonArray("items").getJsonObject(2)).isEqualTo(new JsonObject()
        .put("tagId", 3)
        .put("kind", "item")
        .put("slug", "wok-hei")
        .put("labelEn", "wok hei")
        .putNull("labelZh")
        .putNull("category")
        .put("candidate", true)
        .put("quarantined", false)
        .put("videoCount", 0)
        .put("inCoverSet", false)
        .putNull("lastSeenAt"));
    assertOnWorkerThreads("tags.search");
  }

  @Test
  void searchPassesEveryFilter() {
    Reply r = gateway.get("/v1/tags?kind=audience&q=COOK&coverSet=true&size=5");

    assertThat(gateway.tags.searches()).containsExactly(new Search(TagKind.AUDIENCE, "COOK", true, null, 5, true));
    assertThat(r.json()).isEqualTo(new JsonObject()
        .put("items", new JsonArray().add(cooks()))
        .put("size", 5)
        .putNull("next"));
  }

  @Test
  void pagesFollowEachOthersCursorsToTheEnd() {
    Reply first = gateway.get("/v1/tags?size=2");
    String next = first.json().getString("next");
    assertThat(next).isNotNull();
    Reply second = gateway.get("/v1/tags?size=2&cursor=" + next);

    assertThat(gateway.tags.searches().get(1).after()).as("the position of the first page's last tag")
        .isEqualTo(new TagPosition(40, 1));
    assertThat(first.json().getJsonArray("items").stream().map(t -> ((JsonObject) t).getString("slug")))
        .containsExactly("noodles", "home-cooks");
    assertThat(second.json().getJsonArray("items").stream().map(t -> ((JsonObject) t).getString("slug")))
        .containsExactly("wok-hei");
    assertThat(second.json().getString("next")).isNull();
  }

  @Test
  void aRepeatedSearchIsAnsweredFromMemoryWithTheSameBody() {
    Reply first = gateway.get("/v1/tags?kind=item&size=2");
    Reply again = gateway.get("/v1/tags?size=2&kind=item");
    Reply other = gateway.get("/v1/tags?kind=item&size=3");

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(gateway.tags.searches()).as("one lookup per distinct search")
        .containsExactly(new Search(TagKind.ITEM, null, null, null, 2, true), new Search(TagKind.ITEM, null, null, null, 3, true));
    assertThat(other.json().getJsonArray("items")).hasSize(2);
  }

  @Test
  void aCursorThisApiDidNotMakeIs400NamingIt() {
    for (String cursor : List.of("garbage", "dDE6eDox", "dDI6NDA6MQ", "dDE6LTE6MQ")) {
      assertThat(fields(assertProblem(gateway.get("/v1/tags?cursor=" + cursor), 400, "Invalid request", "/v1/tags")))
          .as(cursor).containsExactly("cursor");
    }
    assertThat(fields(assertProblem(gateway.get("/v1/tags?cursor=a%2Fb"), 400, "Invalid request", "/v1/tags")))
        .as("outside the contract's alphabet").containsExactly("cursor");
    assertThat(gateway.tags.searches()).isEmpty();
  }

  @Test
  void invalidSearchParametersAre400NamingThem() {
    assertThat(fields(assertProblem(gateway.get("/v1/tags?kind=person"), 400, "Invalid request", "/v1/tags")))
        .containsExactly("kind");
    assertThat(fields(assertProblem(gateway.get("/v1/tags?size=101"), 400, "Invalid request", "/v1/tags")))
        .containsExactly("size");
    assertThat(gateway.tags.searches()).isEmpty();
  }

  @Test
  void aTagWithItsCoverSetAndStrongestNeighbours() {
    gateway.tags.putCoverSet(new CoverSetVersion(7, TagKind.AUDIENCE, 30, 0.8, 0.93, 930, 1000, 25,
        Instant.parse("2026-10-03T00:00:00Z")));
    gateway.tags.putEdges(1, List.of(
        new StoredLogicEdge(new LogicEdge(1, 2, LogicDirection.U2I, 0.4, 12.5, 1.8), LogicSource.STATS,
            "noodles", "noodles", "面条"),
        new StoredLogicEdge(new LogicEdge(1, 3, LogicDirection.U2I, 0.3, 0, 0), LogicSource.LLM,
            "wok-hei", "wok hei", null)));

    Reply r = gateway.get("/v1/tags/1");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(cooks()
        .put("coverSet", new JsonObject().put("version", 7).put("coverage", 0.93).put("computedAt", "2026-10-03T00:00:00Z"))
        .put("logicNeighbours", new JsonArray()
            .add(new JsonObject().put("tagId", 2).put("slug", "noodles").put("labelEn", "noodles")
                .put("labelZh", "面条").put("direction", "u2i").put("source", "stats").put("weight", 0.4)
                .put("support", 12.5).put("lift", 1.8))
            .add(new JsonObject().put("tagId", 3).put("slug", "wok-hei").put("labelEn", "wok hei")
                .putNull("labelZh").put("direction", "u2i").put("source", "llm").put("weight", 0.3)
                .putNull("support").putNull("lift"))));
    assertOnWorkerThreads("tags.find");
    assertOnWorkerThreads("tags.strongestEdges");
  }

  @Test
  void theDetailListsTheStrongestNeighboursOnly() {
    gateway.tags.putEdges(2, LongStream.range(100, 130)
        .mapToObj(t -> new StoredLogicEdge(new LogicEdge(2, t, LogicDirection.I2U, 0.5 - (t - 100) * 0.01, 0, 0),
            LogicSource.LLM, "t" + t, null, null))
        .toList());

    Reply r = gateway.get("/v1/tags/2");

    assertThat(gateway.tags.edgeLimits()).containsExactly(TagDetails.SHOWN_NEIGHBOURS);
    JsonArray neighbours = r.json().getJsonArray("logicNeighbours");
    assertThat(neighbours).hasSize(TagDetails.SHOWN_NEIGHBOURS);
    assertThat(neighbours.getJsonObject(0).getString("direction")).isEqualTo("i2u");
    assertThat(r.json().getValue("coverSet")).as("no cover set of items yet").isNull();
    assertThat(r.json().containsKey("coverSet")).isTrue();
  }

  @Test
  void anUnknownTagIs404() {
    Reply r = gateway.get("/v1/tags/99");

    assertThat(assertProblem(r, 404, "Not found", "/v1/tags/99").getString("detail")).isEqualTo("no tag with id 99");
    assertThat(gateway.threads.of("tags.strongestEdges")).isEmpty();
  }

  @Test
  void aTagIdBelowOneIs400() {
    assertThat(fields(assertProblem(gateway.get("/v1/tags/0"), 400, "Invalid request", "/v1/tags/0")))
        .containsExactly("tagId");
  }

  /** {@link #COOKS} as the API shows it. */
  private static JsonObject cooks() {
    return new JsonObject()
        .put("tagId", 1)
        .put("kind", "audience")
        .put("slug", "home-cooks")
        .put("labelEn", "home cooks")
        .put("labelZh", "家庭厨师")
        .put("category", "lifestyle")
        .put("candidate", false)
        .put("quarantined", false)
        .put("videoCount", 40)
        .put("inCoverSet", true)
        .put("lastSeenAt", "2026-10-02T09:15:00Z");
  }
}
