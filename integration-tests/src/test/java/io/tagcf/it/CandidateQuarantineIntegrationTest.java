package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.activities.llm.LlmProvider;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.activities.llm.ScriptedLlmServer;
import io.tagcf.activities.llm.ScriptedLlmServer.Reply;
import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.config.AccessSettings;
import io.tagcf.ops.config.MaintenanceSettings;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vocabulary poisoning, end to end (issue 13): creator A's LLM reply carries a label of A's
 * choosing. It becomes a quarantined candidate: creator B's near label does not merge into it, B
 * does not see it in the tag API, A's own video still shows it; an admin's approval releases it.
 * The real stack: gateway over HTTP, Temporal, the ONNX model, PostgreSQL, a scripted LLM server.
 */
class CandidateQuarantineIntegrationTest {

  private static final String POISON_A = "免费领取会员福利";
  /** Another slug, a near vector: without the quarantine it merges into A's tag. */
  private static final String POISON_B = "免费领取会员福利吧";
  private static final List<String> AUDIENCES = List.of("家庭厨师", "吃货", "新手厨师", "上班族", "家庭主妇", "留学生");
  /** Seven of the eight labels a valid reply needs; the eighth is the test's. */
  private static final List<String> ITEMS = List.of("红烧肉", "家常菜", "下饭菜", "中式烹饪", "慢炖猪肉", "家庭晚餐", "糖色技巧");

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();
  private static ScriptedLlmServer llm;
  private static DevStack stack;
  private static String admin;
  private static String creatorA;
  private static String creatorB;

  @BeforeAll
  static void start() throws Exception {
    TestStack.get(); // the shared stack empties the database first
    llm = new ScriptedLlmServer();
    TagcfConfig config = TagcfConfig.from(Map.of())
        .withDatabase(TestDatabase.url())
        .withHttpPort(0)
        .withManagementPort(0)
        .withDevTemporalPort(0)
        // The upkeep workflows would send logic prompts to the scripted server too.
        .withMaintenance(new MaintenanceSettings(false, 30, Duration.ofDays(1), Duration.ofHours(1),
            Duration.ofDays(1), EffectRequest.defaults(), 1, false, Duration.ofMinutes(5), Duration.ofMinutes(10)))
        .withLlm(Optional.of(new LlmSettings(LlmProvider.OPENAI, llm.baseUrl(LlmProvider.OPENAI),
            "sk-integration-secret", "scripted-model", Duration.ofSeconds(5), 3, Duration.ofMillis(200), 4, 50)));
    assertThat(config.usage().quarantine().minCreators()).as("the default").isEqualTo(3);
    stack = DevStack.start(config);
    KeyIssuer keys = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()),
        AccessSettings.from(Map.of()).hasher());
    admin = keys.add(AccessRole.ADMIN, null, "quarantine test");
    creatorA = keys.add(AccessRole.CREATOR, "it-q-creator-a", "quarantine test");
    creatorB = keys.add(AccessRole.CREATOR, "it-q-creator-b", "quarantine test");
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    llm.close();
  }

  @Test
  void aPoisonLabelAbsorbsNoOtherCreatorsTagAndIsListedOnlyAfterApproval() throws Exception {
    ingest("it-q-a", "it-q-creator-a", POISON_A);
    long poison = candidateId(POISON_A);
    ingest("it-q-b", "it-q-creator-b", POISON_B);

    // B's label stayed its own tag, though it is as near as any merge: A's label absorbed nothing.
    long ofB = tagOfLabel(get(creatorB, "/v1/videos/it-q-b").body, POISON_B);
    assertThat(ofB).isNotEqualTo(poison);
    assertThat(labelSimilarity(poison, ofB)).as("near enough to merge were A's tag released")
        .isGreaterThanOrEqualTo(0.85);

    // A's own video shows A's label; nobody but admins sees the tag in the tag API.
    assertThat(tagOfLabel(get(creatorA, "/v1/videos/it-q-a").body, POISON_A)).isEqualTo(poison);
    String search = "/v1/tags?q=" + URLEncoder.encode("会员福利", StandardCharsets.UTF_8);
    assertThat(ids(get(creatorB, search))).doesNotContain(poison);
    assertThat(get(creatorB, "/v1/tags/" + poison).status).isEqualTo(404);
    JsonNode seenByAdmin = get(admin, "/v1/tags/" + poison).body;
    assertThat(seenByAdmin.path("quarantined").asBoolean()).isTrue();
    assertThat(ids(get(admin, search))).contains(poison);

    assertThat(post(creatorB, "/v1/tags/" + poison + "/approve").status).isEqualTo(403);
    Answer approved = post(admin, "/v1/tags/" + poison + "/approve");
    assertThat(approved.status).as(approved.body.toString()).isEqualTo(200);
    assertThat(approved.body.path("quarantined").asBoolean()).isFalse();
    assertThat(post(admin, "/v1/tags/" + poison + "/approve").status).isEqualTo(409);

    assertThat(get(creatorB, "/v1/tags/" + poison).status).isEqualTo(200);
    // B's earlier page may be remembered for 5 s.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Long> listed = ids(get(creatorB, search));
    while (!listed.contains(poison) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      listed = ids(get(creatorB, search));
    }
    assertThat(listed).contains(poison);
  }

  /** Uploads a video whose LLM item tags hold {@code label}, and waits for its run. */
  private static void ingest(String videoId, String creator, String label) throws Exception {
    llm.script(c -> c.asksForAudience() ? Reply.tags(AUDIENCES) : Reply.tags(withLabel(label)));
    String body = json.createObjectNode().put("videoId", videoId).put("creatorId", creator)
        .put("title", "家常红烧肉的做法").put("transcript", "先把五花肉切块焯水，然后炒糖色。").put("language", "zh")
        .toString();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/v1/videos"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    IngestResult result = stack.temporal().client()
        .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(videoId), Optional.empty(), Optional.empty())
        .getResult(120, TimeUnit.SECONDS, IngestResult.class);
    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
  }

  private static List<String> withLabel(String label) {
    List<String> items = new ArrayList<>(ITEMS);
    items.add(label);
    return items;
  }

  private static long tagOfLabel(JsonNode video, String label) {
    for (JsonNode t : video.path("itemTags")) {
      if (label.equals(t.path("label").asText())) {
        return t.path("tagId").asLong();
      }
    }
    throw new AssertionError("no item tag labelled " + label + " in " + video);
  }

  private static long candidateId(String label) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT tag_id FROM tags WHERE status = 'candidate' AND label_zh = ?")) {
      ps.setString(1, label);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a candidate for " + label).isTrue();
        return rs.getLong(1);
      }
    }
  }

  /** Cosine similarity of the two tags' label embeddings, as the normaliser compares them. */
  private static double labelSimilarity(long a, long b) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 - (x.embedding <=> y.embedding) FROM tag_embeddings x"
            + " JOIN tag_embeddings y ON y.tag_id = ? AND y.model = x.model WHERE x.tag_id = ?")) {
      ps.setLong(1, b);
      ps.setLong(2, a);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getDouble(1);
      }
    }
  }

  private static List<Long> ids(Answer page) {
    assertThat(page.status).as(page.body.toString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    page.body.path("items").forEach(t -> out.add(t.path("tagId").asLong()));
    return out;
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(String key, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
  }

  private static Answer post(String key, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private static Answer send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), json.readTree(r.body()));
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + stack.httpPort() + path);
  }
}
