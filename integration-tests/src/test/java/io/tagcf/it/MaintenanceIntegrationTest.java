package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.coverset.CoverSetSummary;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.tags.TagKind;
import io.tagcf.ops.config.AccessSettings;
import io.tagcf.ops.demo.CorpusUploader;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.SampleCorpus;
import io.tagcf.ops.demo.WorkflowWaiter;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.TestEngagements;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import io.tagcf.workflowapi.coverset.CoverSetStatus;
import io.tagcf.workflowapi.coverset.CoverSetWorkflow;
import io.tagcf.workflowapi.roles.UserRoleStatus;
import io.tagcf.workflowapi.roles.UserRoleWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The TagCF method on the bundled corpus, end to end: all 375 videos ingested through the API,
 * the periodic cover-set workflow refreshed, engagements loaded into the interaction log as clicked
 * exposures, the role workflow identifying roles and fitting the statistical logic graph from it,
 * everything read back through the API.
 */
// Each test refreshes the workflow it reads and passes run alone; a random order (JUnit logs its
// seed) keeps them from growing a dependency on each other again.
@TestMethodOrder(MethodOrderer.Random.class)
class MaintenanceIntegrationTest {

  private static DevStack stack;
  private static final Map<String, List<String>> videosByTopic = new LinkedHashMap<>();

  @BeforeAll
  static void ingestCorpus() throws Exception {
    stack = TestStack.get();
    List<CorpusVideo> corpus = new ArrayList<>();
    for (CorpusVideo v : SampleCorpus.bundled()) {
      ObjectNode body = v.upload().deepCopy();
      body.put("videoId", "cs-" + v.videoId());
      corpus.add(new CorpusVideo(v.topic(), body));
      videosByTopic.computeIfAbsent(v.topic(), k -> new ArrayList<>()).add("cs-" + v.videoId());
    }
    var api = new io.tagcf.ops.demo.ApiClient(TestStack.baseUrl(), TestStack.adminKey());
    assertThat(new CorpusUploader(api, 16).uploadAll(corpus, false)).isEmpty();
    assertThat(WorkflowWaiter.of(stack)
        .awaitAll(corpus.stream().map(CorpusVideo::videoId).toList(), 600, false)).isEmpty();
  }

  private static <T> T refreshAndAwait(Supplier<T> status, Runnable refresh, java.util.function.ToIntFunction<T> runs)
      throws InterruptedException {
    int before = runs.applyAsInt(status.get());
    refresh.run();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      T s = status.get();
      if (runs.applyAsInt(s) > before) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the workflow did not run within 120 s");
  }

  @Test
  void coverSetsOfTheCorpusReachTau() throws Exception {
    CoverSetWorkflow wf = stack.temporal().client().newWorkflowStub(CoverSetWorkflow.class, CoverSetWorkflow.WORKFLOW_ID);
    CoverSetStatus status = refreshAndAwait(wf::status, wf::refreshNow, CoverSetStatus::runs);
    assertThat(status.lastError()).isNull();
    assertThat(status.latest()).hasSize(2);
    for (CoverSetSummary s : status.latest()) {
      assertThat(s.totalItems()).as(s.kind().wireName()).isGreaterThanOrEqualTo(375);
      assertThat(s.coverage()).as("coverage of %s tags", s.kind().wireName()).isGreaterThanOrEqualTo(0.99);
      assertThat(s.tags()).isPositive();
    }
    CoverSetSummary items = status.latest().stream().filter(s -> s.kind() == TagKind.ITEM).findFirst().orElseThrow();
    System.out.printf("cover set over %d items: %d item tags, coverage %.4f%n", items.totalItems(), items.tags(), items.coverage());

    JsonNode inCover = Http.get("/v1/tags?kind=item&coverSet=true&size=100").json();
    int listed = inCover.path("items").size();
    for (JsonNode page = inCover; !page.path("next").isNull(); listed += page.path("items").size()) {
      page = Http.get("/v1/tags?kind=item&coverSet=true&size=100&cursor=" + page.path("next").asText()).json();
    }
    assertThat(listed).as("every cover-set tag, over all pages").isEqualTo(items.tags());
    JsonNode first = inCover.path("items").get(0);
    assertThat(first.path("inCoverSet").asBoolean()).isTrue();
    assertThat(first.path("videoCount").asInt()).isPositive();
    JsonNode detail = Http.get("/v1/tags/" + first.path("tagId").asLong()).json();
    assertThat(detail.path("coverSet").path("version").asLong()).isEqualTo(items.version());
    assertThat(detail.path("coverSet").path("coverage").asDouble()).isGreaterThanOrEqualTo(0.99);

    JsonNode search = Http.get("/v1/tags?q=cat&kind=item").json();
    assertThat(search.path("items")).isNotEmpty();
    search.path("items").forEach(t -> assertThat((t.path("labelEn").asText() + t.path("slug").asText()).toLowerCase()).contains("cat"));
    JsonNode firstPage = Http.get("/v1/tags?size=5").json();
    JsonNode paged = Http.get("/v1/tags?size=5&cursor=" + firstPage.path("next").asText()).json();
    assertThat(paged.path("items")).hasSize(5);
    JsonNode lastOfFirst = firstPage.path("items").get(4);
    JsonNode firstOfSecond = paged.path("items").get(0);
    assertThat(firstOfSecond.path("videoCount").asLong()).as("the second page goes on in the search order")
        .isLessThanOrEqualTo(lastOfFirst.path("videoCount").asLong());
    assertThat(firstOfSecond.path("tagId").asLong()).isNotEqualTo(lastOfFirst.path("tagId").asLong());
  }

  @Test
  void rolesAndTheStatisticalLogicGraphComeFromTheInteractionLog() throws Exception {
    // Five users per topic, each engaging with the topic's videos (strength 1 to 3: a click, a
    // completed watch, a like), plus exposures they did not click, which are no engagements.
    List<Exposure> log = new ArrayList<>();
    Instant now = Instant.now();
    String[] topics = {"home-cooking", "cats", "parenting-baby", "football", "programming", "budget-travel"};
    for (String topic : topics) {
      List<String> videos = videosByTopic.get(topic);
      assertThat(videos).as(topic).isNotNull();
      for (int u = 0; u < 5; u++) {
        String user = "user-" + topic + "-" + u;
        for (int i = 0; i < videos.size(); i++) {
          log.add(TestEngagements.engagement("mt-" + user + "-" + i, user, videos.get(i),
              now.minus(Duration.ofHours(1 + i)), 1 + (i + u) % 3));
        }
        // The other topics' first videos were shown and skipped.
        for (String other : topics) {
          if (!other.equals(topic)) {
            String video = videosByTopic.get(other).get(0);
            log.add(new Exposure("mt-" + user + "-skip-" + other, user, video, now.minus(Duration.ofMinutes(30)),
                false, 0.0, false, false, false, null));
          }
        }
      }
    }
    TestEngagements.load(stack.database().dataSource(), log);

    UserRoleWorkflow wf = stack.temporal().client().newWorkflowStub(UserRoleWorkflow.class, UserRoleWorkflow.WORKFLOW_ID);
    UserRoleStatus status = refreshAndAwait(wf::status, wf::refreshNow, UserRoleStatus::runs);
    assertThat(status.lastError()).isNull();
    assertThat(status.roles().users()).isEqualTo(30);
    assertThat(status.roles().engagements()).isEqualTo(log.stream().filter(Exposure::clicked).count());
    assertThat(status.statsLogic().u2iEdges()).isPositive();
    assertThat(status.statsLogic().i2uEdges()).isPositive();

    JsonNode cook = Http.get("/v1/users/user-home-cooking-0/roles").json();
    assertThat(labels(cook.path("roles"))).contains("home cooks");
    assertThat(cook.path("roles").get(0).path("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(cook.path("expandedRoles")).isNotEmpty();
    JsonNode catPerson = Http.get("/v1/users/user-cats-3/roles").json();
    assertThat(labels(catPerson.path("roles")).subList(0, 3)).contains("cat lovers");

    // The home-cooks role tag now has statistical U2I neighbours, food first.
    long homeCooks = cook.path("roles").get(labels(cook.path("roles")).indexOf("home cooks")).path("tagId").asLong();
    JsonNode tag = Http.get("/v1/tags/" + homeCooks).json();
    List<String> neighbours = new ArrayList<>();
    tag.path("logicNeighbours").forEach(n -> {
      assertThat(n.path("source").asText()).isEqualTo("stats");
      assertThat(n.path("lift").asDouble()).isGreaterThan(1.0);
      if (n.path("direction").asText().equals("u2i")) {
        neighbours.add(n.path("labelEn").asText());
      }
    });
    assertThat(neighbours).contains("home cooking");
    rankingScoresComeFromTheSameRun(status);
    assertThat(Http.get("/v1/users/nobody-here/roles").status()).isEqualTo(404);
    assertThat(Http.get("/v1/users/bad%20id/roles").status()).isEqualTo(400);
    assertThat(Http.get("/v1/tags/0").status()).isEqualTo(400);
    assertThat(Http.get("/v1/tags/999999999").status()).isEqualTo(404);
    assertThat(Http.get("/v1/tags?kind=other").status()).isEqualTo(400);
    assertThat(Http.get("/v1/tags?size=1000").status()).isEqualTo(400);
  }

  /**
   * The run ends with the ranking profiles, and a ranker with a service key scores candidates from
   * them: a cook's cooking video above a football video, explained by a food tag.
   */
  private static void rankingScoresComeFromTheSameRun(UserRoleStatus status) {
    assertThat(status.rankingProfiles().users()).isEqualTo(30);
    assertThat(status.rankingProfiles().interestRows()).isPositive();
    String service = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()), AccessSettings.from(Map.of()).hasher())
        .add(AccessRole.SERVICE, null, "ranking integration test");
    String cooking = videosByTopic.get("home-cooking").get(1);
    String football = videosByTopic.get("football").get(1);
    String body = "{\"userId\":\"user-home-cooking-0\",\"candidates\":[\"" + football + "\",\"" + cooking
        + "\",\"no-such-video\"]}";
    Http.Reply r = Http.postJsonAs(service, "/v1/rank/tag-scores", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode scored = r.json();
    assertThat(scored.path("profileFound").asBoolean()).isTrue();
    assertThat(scored.path("unknownVideos").get(0).asText()).isEqualTo("no-such-video");
    JsonNode first = scored.path("scores").get(0);
    JsonNode second = scored.path("scores").get(1);
    assertThat(first.path("videoId").asText()).isEqualTo(football);
    assertThat(second.path("tag0").asDouble()).isGreaterThan(first.path("tag0").asDouble());
    long explainedBy = second.path("interestPath").path("tagId").asLong();
    List<String> named = new ArrayList<>();
    scored.path("tags").forEach(t -> {
      if (t.path("tagId").asLong() == explainedBy) {
        named.add(t.path("labelEn").asText());
      }
    });
    assertThat(named).hasSize(1);
    System.out.printf("ranking: %s tag0 %.4f (by %s) against %s %.4f%n", cooking, second.path("tag0").asDouble(), named.get(0),
        football, first.path("tag0").asDouble());
    // A creator's key may not rank.
    String creator = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()), AccessSettings.from(Map.of()).hasher())
        .add(AccessRole.CREATOR, "someone", "ranking integration test");
    assertThat(Http.postJsonAs(creator, "/v1/rank/tag-scores", body).status()).isEqualTo(403);
    assertThat(Http.postJsonAs(service, "/v1/rank/tag-scores", "{\"userId\":\"u\",\"candidates\":[]}").status())
        .isEqualTo(400);
  }

  private static List<String> labels(JsonNode roles) {
    List<String> out = new ArrayList<>();
    roles.forEach(r -> out.add(r.path("labelEn").asText()));
    return out;
  }
}
