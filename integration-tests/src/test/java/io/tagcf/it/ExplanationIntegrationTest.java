package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.explanations.FaithfulnessVerifier;
import io.tagcf.models.tags.TagKind;
import io.tagcf.ops.demo.SimulatedInteractions;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.explanations.EvidenceReader;
import io.tagcf.store.explanations.ExplanationRepository;
import io.tagcf.store.explanations.StoredExplanation;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.store.video.VideoCatalog;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsProgress;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsRequest;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsWorkflow;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * From a published snapshot to the explanation API on the real stack: videos uploaded through the
 * API (tagged and embedded by the pipeline) among simulated catalog videos, a simulated log, a
 * snapshot, the snapshot's explanations in both languages (started here: the test stack does not
 * start them on publication), then the API's answers, on demand included.
 */
class ExplanationIntegrationTest {
  private static final Instant WINDOW_END = Instant.parse("2026-04-01T00:00:00Z");
  private static final int WINDOW_DAYS = 21;
  private static final String[][] UPLOADS = {
      {"en", "Weeknight noodle stir-fry in 15 minutes", "Quick home cooking: noodles, garlic, soy sauce and greens in one pan."},
      {"en", "Homemade pork dumplings from scratch", "Folding dumplings at home, with a simple dipping sauce for dinner."},
      {"en", "Easy one-pan chicken and rice dinner", "A family dinner recipe cooked in one pan, ready in thirty minutes."},
      {"zh", "家常红烧排骨的做法", "教大家在家做红烧排骨，简单下饭的家常菜。"},
      {"zh", "十分钟快手蛋炒饭", "剩米饭和鸡蛋做一盘香喷喷的蛋炒饭，家常做法。"},
      {"zh", "妈妈的番茄炒蛋", "最简单的家常菜番茄炒蛋，酸甜下饭。"},
  };

  @Test
  void aPublishedSnapshotsVideosAreExplainedAndServedInBothLanguages() throws Exception {
    DevStack stack = TestStack.get();
    DataSource ds = stack.database().dataSource();
    WorkflowClient client = stack.temporal().client();
    List<String> uploaded = upload(client);

    List<CatalogVideo> catalog = new ArrayList<>(SyntheticCatalog.draw(ds, "it-expl-sim-", 600, 12, 21));
    SyntheticCatalog.store(stack, catalog);
    new VideoCatalog(ds).read().stream().filter(v -> uploaded.contains(v.videoId())).forEach(catalog::add);
    Set<Long> carried = new HashSet<>();
    catalog.forEach(v -> Arrays.stream(v.itemTagIds()).forEach(carried::add));
    Set<Long> tags = new HashSet<>(new CoverSetRepository(ds).latestMembers(TagKind.ITEM));
    tags.retainAll(carried);
    SimulatedInteractions.load(ds, catalog, tags, 12_000, 240_000, 4, 23, WINDOW_END, WINDOW_DAYS, null);

    EffectEstimationWorkflow estimation = client.newWorkflowStub(EffectEstimationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(EffectEstimationWorkflow.ID_PREFIX + "it-expl-" + System.nanoTime())
            .setTaskQueue(TaskQueues.EFFECTS)
            .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
            .build());
    SnapshotResult snapshot = estimation.estimate(new EffectRequest(WINDOW_END, WINDOW_DAYS,
        SimulatedInteractions.SEGMENTS, 2, EffectSettings.defaults(7)));
    assertThat(snapshot.status()).as(String.valueOf(snapshot.error())).isEqualTo("published");
    long snapshotId = snapshot.snapshotId();

    // The snapshot's explanations: every video with effects, in both languages, each once.
    ExplanationRepository repository = new ExplanationRepository(ds);
    List<String> withEffects = repository.videosWithEffects(snapshotId, null, 10_000);
    assertThat(withEffects).hasSizeGreaterThan(100);
    long t0 = System.nanoTime();
    SnapshotExplanationsProgress done = client.newWorkflowStub(SnapshotExplanationsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SnapshotExplanationsWorkflow.workflowId(snapshotId))
                .setTaskQueue(TaskQueues.EXPLANATIONS)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                .build())
        .explainSnapshot(SnapshotExplanationsRequest.of(snapshotId));
    System.out.printf("snapshot %d: %d videos with effects explained in zh and en in %.1f s%n", snapshotId,
        withEffects.size(), (System.nanoTime() - t0) / 1e9);
    assertThat(done).isEqualTo(new SnapshotExplanationsProgress(snapshotId, withEffects.get(withEffects.size() - 1),
        withEffects.size(), 2 * withEffects.size(), 0, 0, true));
    assertThat(count(ds, "SELECT count(*) FROM video_explanations WHERE snapshot_id = " + snapshotId
        + " AND verdict = 'passed' AND writer = 'template' AND llm_outcome = 'none'"))
        .isEqualTo(2L * withEffects.size());

    // An uploaded video's explanation through the API, in both languages.
    String video = uploaded.stream().filter(withEffects::contains).findFirst()
        .orElseThrow(() -> new AssertionError("no uploaded video has effects in snapshot " + snapshotId));
    Set<String> videoTags = new HashSet<>(strings(ds, "SELECT t.slug FROM video_tags vt JOIN tags t USING (tag_id)"
        + " WHERE vt.video_id = '" + video + "'"));
    assertThat(videoTags).isNotEmpty();
    FaithfulnessVerifier verifier =
        new FaithfulnessVerifier(EffectSettings.defaults(7).sensitivityFloor(), new EvidenceReader(ds).vocabularyNames());
    for (String language : List.of("zh", "en")) {
      Http.Reply r = Http.get("/v1/videos/" + video + "/explanation?lang=" + language);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.path("snapshotId").asLong()).isEqualTo(snapshotId);
      assertThat(body.path("language").asText()).isEqualTo(language);
      assertThat(body.path("writer").asText()).isEqualTo("template");
      assertThat(body.path("verdict").path("passed").asBoolean()).isTrue();
      assertThat(body.path("llm").path("outcome").asText()).isEqualTo("none");
      assertThat(body.path("evidence").path("attributions").asInt()).isPositive();
      assertThat(body.path("evidence").path("neighbours").asInt()).as("pgvector neighbours with views").isPositive();
      assertThat(body.path("drivers")).allSatisfy(d -> assertThat(videoTags).contains(d.path("tag").asText()));
      assertThat(body.path("text").asText()).contains(language.equals("zh") ? "效果快照 " + snapshotId
          : "effect snapshot " + snapshotId);
      StoredExplanation stored = repository.find(video, snapshotId, language).orElseThrow();
      assertThat(verifier.verify(stored.explanation(), stored.evidence()).findings()).isEmpty();
    }
    Http.Reply again = Http.post("/v1/videos/" + video + "/explanation:refresh?lang=en", null, "");
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(again.json().path("status").asText()).isEqualTo("ready");

    // On demand, for a video the snapshot has no views of.
    new VideoCatalog(ds).addSimulated(List.of(new CatalogVideo("it-expl-late", "it-expl-creator", 40.0, null,
        catalog.get(0).itemTagIds(), catalog.get(0).itemTagScores())), "en");
    Http.Reply started = Http.post("/v1/videos/it-expl-late/explanation:refresh", null, "");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.json().path("status").asText()).isEqualTo("started");
    assertThat(started.json().path("snapshotId").asLong()).isEqualTo(snapshotId);
    Http.Reply late = awaitExplanation("/v1/videos/it-expl-late/explanation?lang=en");
    assertThat(late.json().path("summary").asText()).startsWith("This video has no views in effect snapshot " + snapshotId);
    // No attributions of its own; its tags' effects on the videos that carry them still apply.
    assertThat(late.json().path("evidence").path("attributions").asInt()).isZero();
    assertThat(late.json().path("verdict").path("passed").asBoolean()).isTrue();
  }

  private static List<String> upload(WorkflowClient client) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < UPLOADS.length; i++) {
      String id = "it-expl-up-" + i;
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("videoId", id).put("creatorId", "it-expl-creator")
          .put("title", UPLOADS[i][1]).put("description", UPLOADS[i][2]).put("language", UPLOADS[i][0])
          .put("durationSec", 60 + 10 * i);
      Http.Reply r = Http.postJson("/v1/videos", body.toString());
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      ids.add(id);
    }
    for (String id : ids) {
      client.newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(id), Optional.empty(), Optional.empty())
          .getResult(120, TimeUnit.SECONDS, IngestResult.class);
    }
    return ids;
  }

  private static Http.Reply awaitExplanation(String path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Http.Reply r = Http.get(path);
    while (r.status() == 409 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      r = Http.get(path);
    }
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  private static List<String> strings(DataSource ds, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long count(DataSource ds, String sql) throws Exception {
    try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
