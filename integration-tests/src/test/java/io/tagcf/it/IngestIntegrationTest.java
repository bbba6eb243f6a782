package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.tagcf.workflows.ingest.VideoIngestWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upload → durable ingest → stored tags and embedding, through the real HTTP API, the real
 * Temporal (dev) server over gRPC, the real ONNX model and the real PostgreSQL with pgvector.
 */
class IngestIntegrationTest {

  private static DevStack stack;
  private static WorkflowClient client;

  private static final String PORK =
      """
      {"videoId":"it-pork","creatorId":"chef-lin","title":"家常红烧肉的做法，肥而不腻",
       "description":"今天教大家做一道经典家常菜红烧肉 #美食 #家常菜",
       "transcript":"先把五花肉切块焯水，然后炒糖色，加入生抽老抽，小火慢炖四十分钟，出锅前大火收汁。",
       "coverText":"零失败红烧肉","durationSec":185,"publishedAt":"2026-10-03T12:00:00Z"}
      """;

  private static final String CAT =
      """
      {"videoId":"it-pork","creatorId":"chef-lin","title":"My cat knocked over the Christmas tree again",
       "description":"Mochi the tabby cat vs. the tree, round 3. #cats #catsoftiktok",
       "transcript":"So I set up the tree this morning and within ten minutes my cat Mochi was climbing it.",
       "durationSec":41,"language":"en"}
      """;

  @BeforeAll
  static void start() {
    stack = TestStack.get();
    client = stack.temporal().client();
  }

  private static IngestResult await(String videoId) throws Exception {
    return client
        .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(videoId), Optional.empty(), Optional.empty())
        .getResult(60, TimeUnit.SECONDS, IngestResult.class);
  }

  private static String runId(String videoId) {
    return client
        .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(videoId), Optional.empty(), Optional.empty())
        .describe()
        .getExecution()
        .getRunId();
  }

  private static long count(String sql, String videoId) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, videoId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> labels(JsonNode tags, String field) {
    List<String> out = new ArrayList<>();
    tags.forEach(t -> out.add(t.path(field).asText()));
    return out;
  }

  @Test
  void uploadIsTaggedEmbeddedAndServedThenDeduplicatedThenRetagged() throws Exception {
    // 1. Upload: 202 with the workflow id and the status URL.
    Http.Reply accepted = Http.postJson("/v1/videos", PORK);
    assertThat(accepted.status()).isEqualTo(202);
    JsonNode body = accepted.json();
    assertThat(body.path("videoId").asText()).isEqualTo("it-pork");
    assertThat(body.path("workflowId").asText()).isEqualTo("video-ingest/it-pork");
    assertThat(body.path("status").asText()).isEqualTo("/v1/videos/it-pork");
    assertThat(body.path("ingest").asText()).isEqualTo("started");

    // 2. The workflow completes; tags and the embedding are stored.
    IngestResult result = await("it-pork");
    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    assertThat(result.itemTags()).isPositive();
    assertThat(count("SELECT count(*) FROM video_tags WHERE video_id = ? AND kind = 'item'", "it-pork"))
        .isEqualTo(result.itemTags());
    assertThat(count("SELECT count(*) FROM video_embeddings WHERE video_id = ? AND model = 'bge-small-zh-v15-q' AND dim = 512", "it-pork"))
        .isEqualTo(1);
    assertThat(client.newWorkflowStub(VideoIngestWorkflow.class, VideoIngestWorkflow.workflowId("it-pork")).stage())
        .isEqualTo("done");

    JsonNode video = Http.get("/v1/videos/it-pork").json();
    assertThat(video.path("stage").asText()).isEqualTo("done");
    assertThat(video.path("language").asText()).isEqualTo("zh");
    assertThat(labels(video.path("itemTags"), "labelEn")).contains("braised pork belly", "home cooking");
    assertThat(labels(video.path("audienceTags"), "labelEn")).contains("home cooks");
    JsonNode first = video.path("itemTags").get(0);
    assertThat(first.path("source").asText()).isEqualTo("offline");
    assertThat(first.path("provenance").path("promptVersion").asText()).isEqualTo("offline-v2");
    assertThat(first.path("score").asDouble()).isBetween(0.5, 1.0);

    // 3. The same upload again: no new run, no new rows.
    String run = runId("it-pork");
    String before = DbSnapshot.of(stack.database());
    Http.Reply again = Http.postJson("/v1/videos", PORK);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().path("ingest").asText()).isEqualTo("unchanged");
    assertThat(runId("it-pork")).isEqualTo(run);
    assertThat(DbSnapshot.of(stack.database())).isEqualTo(before);

    // 4. Changed content: a new run re-tags the video.
    Http.Reply changed = Http.postJson("/v1/videos", CAT);
    assertThat(changed.json().path("ingest").asText()).isEqualTo("restarted");
    assertThat(await("it-pork").outcome()).isEqualTo(IngestResult.Outcome.DONE);
    assertThat(runId("it-pork")).isNotEqualTo(run);
    JsonNode retagged = Http.get("/v1/videos/it-pork").json();
    assertThat(retagged.path("title").asText()).startsWith("My cat");
    assertThat(labels(retagged.path("itemTags"), "labelEn")).contains("cats").doesNotContain("braised pork belly");
    assertThat(labels(retagged.path("itemTags"), "label")).contains("cats");

    // 5. The recorded history replays against today's workflow code: it is deterministic.
    WorkflowExecutionHistory history = client.fetchHistory(VideoIngestWorkflow.workflowId("it-pork"));
    WorkflowReplayer.replayWorkflowExecution(history, VideoIngestWorkflowImpl.class);
    // Kept for the workflows module's replay test (copy it there when the workflow changes).
    java.nio.file.Path out = java.nio.file.Path.of("target", "replay", "video-ingest-done.json");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(out, history.toJson(true));
  }

  @Test
  void rapidReuploadsConvergeOnTheLastContent() throws Exception {
    String id = "it-rapid";
    for (int i = 1; i <= 4; i++) {
      String body = "{\"videoId\":\"" + id + "\",\"creatorId\":\"c\",\"title\":\"Version " + i
          + " of my hiking vlog\",\"description\":\"Day " + i + " on the trail, camping under the stars.\"}";
      assertThat(Http.postJson("/v1/videos", body).status()).isEqualTo(202);
    }
    IngestResult result = await(id);
    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    JsonNode video = Http.get("/v1/videos/" + id).json();
    assertThat(video.path("title").asText()).isEqualTo("Version 4 of my hiking vlog");
    assertThat(video.path("stage").asText()).isEqualTo("done");
    assertThat(count("SELECT count(DISTINCT content_hash) FROM video_tags WHERE video_id = ?", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM video_tags t JOIN videos v ON v.video_id = t.video_id"
        + " WHERE t.video_id = ? AND t.content_hash <> v.content_hash", id)).isZero();
  }

  @Test
  void aVideoWithoutDescriptionOrTranscriptIsStillIngested() throws Exception {
    Http.Reply r = Http.postJson("/v1/videos", "{\"videoId\":\"it-bare\",\"creatorId\":\"c\",\"title\":\"Sunset timelapse over the sea\"}");
    assertThat(r.status()).isEqualTo(202);
    assertThat(await("it-bare").outcome()).isEqualTo(IngestResult.Outcome.DONE);
    JsonNode video = Http.get("/v1/videos/it-bare").json();
    assertThat(video.path("stage").asText()).isEqualTo("done");
    assertThat(video.path("language").asText()).isEqualTo("en");
    WorkflowStub stub = client.newUntypedWorkflowStub(VideoIngestWorkflow.workflowId("it-bare"));
    assertThat(stub.describe().getStatus().name()).isEqualTo("WORKFLOW_EXECUTION_STATUS_COMPLETED");
  }
}
