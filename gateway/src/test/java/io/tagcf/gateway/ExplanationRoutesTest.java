package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.FakeExplanationStarter;
import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.models.explanations.Answer;
import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.EvidenceFixtures;
import io.tagcf.models.explanations.TemplateWriter;
import io.tagcf.models.explanations.Verdict;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.explanations.StoredExplanation;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/videos/{videoId}/explanation and POST /v1/videos/{videoId}/explanation:refresh. */
class ExplanationRoutesTest extends GatewayTest {

  private static final Evidence EVIDENCE = EvidenceFixtures.cooking();

  @BeforeEach
  void videos() {
    gateway.videos.put(video("v-cook-1", "en"));
    gateway.videos.put(video("v-zh", "zh-CN"));
  }

  @Test
  void anExplanationIsServedWithItsDriversVerdictAndEvidenceSummary() {
    gateway.explanations.put(stored("v-cook-1", 7, "en", "llm"));
    gateway.explanations.put(stored("v-cook-1", 5, "en", "template"));

    Reply r = gateway.get("/v1/videos/v-cook-1/explanation?lang=en");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getLong("snapshotId")).as("the newest snapshot's").isEqualTo(7);
    assertThat(body.getString("writer")).isEqualTo("llm");
    assertThat(body.getString("text")).startsWith(EvidenceFixtures.SUMMARY_EN);
    JsonArray drivers = body.getJsonArray("drivers");
    assertThat(drivers).hasSize(3);
    JsonObject first = drivers.getJsonObject(0);
    assertThat(first.getString("tag")).isEqualTo("home-cooking");
    assertThat(first.getString("label")).isEqualTo("home cooking");
    assertThat(first.getBoolean("established")).isTrue();
    assertThat(drivers.getJsonObject(2).getBoolean("established")).as("the click effect's interval spans 0").isFalse();
    assertThat(body.getJsonObject("verdict")).isEqualTo(new JsonObject().put("passed", true).put("findings", new JsonArray()));
    assertThat(body.getJsonObject("llm").getString("outcome")).isEqualTo("passed");
    JsonObject evidence = body.getJsonObject("evidence");
    assertThat(evidence.getJsonArray("segments").getList()).containsExactly("18-24", "25-34");
    assertThat(evidence.getInteger("establishedEffects")).isEqualTo(2);
    assertThat(evidence.getInteger("neighbours")).isEqualTo(10);
    assertOnWorkerThreads("explanations.latest");
  }

  @Test
  void aRejectedDraftShowsItsFindingCodesButNeverTheModelsText() {
    StoredExplanation template = stored("v-cook-1", 7, "en", "template");
    gateway.explanations.put(new StoredExplanation(template.videoId(), 7, "en", "template", null, null,
        template.verdict(), Answer.REJECTED, List.of(new Verdict.Finding("number",
            "'4.3 percentage points' matches no number of the evidence (nearest 3.260)")), null,
        template.explanation(), EVIDENCE, Instant.EPOCH));

    JsonObject body = gateway.get("/v1/videos/v-cook-1/explanation?lang=en").json();

    assertThat(body.getJsonObject("llm")).isEqualTo(new JsonObject().put("outcome", "rejected")
        .put("findings", new JsonArray().add("number")).putNull("failure"));
    assertThat(body.encode()).doesNotContain("4.3");
  }

  @Test
  void aDriverTheLlmNamedByItsLabelIsServedByItsSlug() {
    StoredExplanation llm = stored("v-zh", 7, "zh", "llm");
    gateway.explanations.put(new StoredExplanation("v-zh", 7, "zh", "llm", llm.writerModel(), llm.promptVersion(),
        llm.verdict(), Answer.PASSED, List.of(), null, EvidenceFixtures.faithfulChinese(), EVIDENCE, llm.createdAt()));

    JsonObject driver = gateway.get("/v1/videos/v-zh/explanation?lang=zh").json().getJsonArray("drivers").getJsonObject(0);

    assertThat(driver.getString("tag")).isEqualTo("home-cooking");
    assertThat(driver.getString("label")).isEqualTo("家常菜");
    assertThat(driver.getBoolean("established")).isTrue();
  }

  @Test
  void theLanguageDefaultsToTheVideosOwn() {
    gateway.explanations.put(stored("v-zh", 7, "zh", "template"));
    Reply r = gateway.get("/v1/videos/v-zh/explanation");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().getString("language")).isEqualTo("zh");
  }

  @Test
  void aFoundExplanationIsRememberedButAMissingOneIsNot() {
    String uri = "/v1/videos/v-cook-1/explanation?lang=en";
    assertThat(gateway.get(uri).status()).isEqualTo(409);
    gateway.explanations.put(stored("v-cook-1", 7, "en", "llm"));
    Reply found = gateway.get(uri);
    assertThat(found.status()).as("a 409 is not remembered: the stored explanation shows at once").isEqualTo(200);

    gateway.explanations.put(stored("v-cook-1", 8, "en", "template"));
    Reply again = gateway.get(uri);

    assertThat(again.json()).as("remembered for a few seconds").isEqualTo(found.json());
    assertThat(again.json().getLong("snapshotId")).isEqualTo(7);
    assertThat(gateway.threads.of("explanations.latest")).hasSize(2);
    assertThat(gateway.threads.of("videos.find")).hasSize(2);
  }

  @Test
  void aRememberedExplanationIsStillShownOnlyToItsCreator() {
    gateway.explanations.put(stored("v-cook-1", 7, "en", "llm"));
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(gateway.get("/v1/videos/v-cook-1/explanation?lang=en").status()).isEqualTo(200);

    gateway.presenting(FakeKeyStore.CREATOR_2);
    Reply theirs = gateway.get("/v1/videos/v-cook-1/explanation?lang=en");
    Reply missing = gateway.get("/v1/videos/v-none/explanation?lang=en");

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.json().getString("detail")).isEqualTo(missing.json().getString("detail").replace("v-none", "v-cook-1"));
    assertThat(gateway.threads.of("explanations.latest")).as("the second creator was answered from memory").hasSize(1);
  }

  @Test
  void noExplanationYetIsAConflictThatSaysHowToGetOne() {
    JsonObject problem = assertProblem(gateway.get("/v1/videos/v-cook-1/explanation?lang=zh"), 409,
        "No explanation yet", "/v1/videos/v-cook-1/explanation");
    assertThat(problem.getString("detail")).contains("POST /v1/videos/v-cook-1/explanation:refresh?lang=zh");
  }

  @Test
  void anUnknownVideoIsNotFoundAndABadLanguageNamesTheParameter() {
    assertProblem(gateway.get("/v1/videos/nope/explanation"), 404, "Not found", "/v1/videos/nope/explanation");
    assertProblem(gateway.post("/v1/videos/nope/explanation:refresh", null, null), 404, "Not found",
        "/v1/videos/nope/explanation:refresh");
    JsonObject problem = assertProblem(gateway.get("/v1/videos/v-cook-1/explanation?lang=fr"), 400, "Invalid request",
        "/v1/videos/v-cook-1/explanation");
    assertThat(fields(problem)).containsExactly("lang");
  }

  @Test
  void refreshStartsThenJoinsTheRunOfTheLatestSnapshot() {
    gateway.effects.put(published(6));
    gateway.effects.put(published(7));

    Reply first = gateway.post("/v1/videos/v-cook-1/explanation:refresh?lang=zh", null, null);
    Reply second = gateway.post("/v1/videos/v-cook-1/explanation:refresh?lang=zh", null, null);

    assertThat(first.status()).as(first.text()).isEqualTo(202);
    assertThat(first.headers().get("Location")).isEqualTo("/v1/videos/v-cook-1/explanation?lang=zh");
    assertThat(first.json()).isEqualTo(new JsonObject().put("videoId", "v-cook-1").put("snapshotId", 7)
        .put("language", "zh").put("workflowId", "video-explanation/v-cook-1/7/zh").put("status", "started"));
    assertThat(second.json().getString("status")).isEqualTo("running");
    assertThat(gateway.explainer.starts()).containsExactly(
        new FakeExplanationStarter.Started("video-explanation/v-cook-1/7/zh", new ExplanationRequest("v-cook-1", 7, "zh")),
        new FakeExplanationStarter.Started("video-explanation/v-cook-1/7/zh", new ExplanationRequest("v-cook-1", 7, "zh")));
    assertOnWorkerThreads("explainer.start");
  }

  @Test
  void refreshOfAStoredExplanationStartsNothing() {
    gateway.effects.put(published(7));
    gateway.explanations.put(stored("v-cook-1", 7, "en", "template"));

    Reply r = gateway.post("/v1/videos/v-cook-1/explanation:refresh", null, null);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.json().getString("status")).isEqualTo("ready");
    assertThat(gateway.explainer.starts()).isEmpty();
  }

  @Test
  void refreshWithoutAPublishedSnapshotIsAConflictAndAnUnreachableOrchestratorIsUnavailable() {
    assertProblem(gateway.post("/v1/videos/v-cook-1/explanation:refresh", null, null), 409, "No published snapshot",
        "/v1/videos/v-cook-1/explanation:refresh");
    gateway.effects.put(published(7));
    gateway.explainer.setReachable(false);
    assertProblem(gateway.post("/v1/videos/v-cook-1/explanation:refresh", null, null), 503, "Service unavailable",
        "/v1/videos/v-cook-1/explanation:refresh");
  }

  private static StoredExplanation stored(String videoId, long snapshotId, String language, String writer) {
    var explanation = "llm".equals(writer) ? EvidenceFixtures.faithfulEnglish()
        : new TemplateWriter(1.1).write(EVIDENCE, language);
    return new StoredExplanation(videoId, snapshotId, language, writer, "llm".equals(writer) ? "openai/qwen2.5" : null,
        "llm".equals(writer) ? "explain-v1" : null, new Verdict(true, List.of()),
        "llm".equals(writer) ? Answer.PASSED : Answer.NO_LLM, List.of(), null, explanation, EVIDENCE,
        Instant.parse("2026-10-02T00:00:00Z"));
  }

  private static StoredVideo video(String id, String language) {
    return new StoredVideo(new VideoSubmission(id, "c-1", "a video", null, null, null, 30.0, language, null),
        "h", IngestStage.DONE, "video-ingest/" + id, null, Instant.EPOCH, Instant.EPOCH);
  }
}
