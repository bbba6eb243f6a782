package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.activities.vocabulary.ReferenceBootstrap;
import io.tagcf.models.tagging.reference.ReferenceCaptions;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.temporal.client.WorkflowClient;
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
 * Captions as creators write them, through the real stack: the worker loaded the bundled
 * reference captions into pgvector as labelled exemplars, every upload ends with at least three
 * item tags and one audience tag, and text with nothing to tag gets weak candidate tags instead
 * of an error.
 */
class RealCaptionTaggingIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DevStack stack;
  private static WorkflowClient client;

  @BeforeAll
  static void start() {
    stack = TestStack.get();
    client = stack.temporal().client();
  }

  private static JsonNode ingest(String videoId, String title) throws Exception {
    return ingest(videoId, "real-captions", title);
  }

  private static JsonNode ingest(String videoId, String creator, String title) throws Exception {
    String body = JSON.createObjectNode().put("videoId", videoId).put("creatorId", creator).put("title", title).toString();
    assertThat(Http.postJson("/v1/videos", body).status()).isEqualTo(202);
    IngestResult result = client
        .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(videoId), Optional.empty(), Optional.empty())
        .getResult(60, TimeUnit.SECONDS, IngestResult.class);
    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    return Http.get("/v1/videos/" + videoId).json();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static long scalar(String sql, String... args) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void theReferenceCaptionsAreLabelledExemplarsInPgvector() throws Exception {
    long voters = ReferenceCaptions.bundled().voters().size();
    assertThat(scalar("SELECT count(*) FROM label_exemplars WHERE source = ?", ReferenceBootstrap.SOURCE)).isEqualTo(voters);
    assertThat(scalar("SELECT count(*) FROM label_exemplar_sources WHERE source = ? AND model = 'bge-small-zh-v15-q'",
        ReferenceBootstrap.SOURCE)).isEqualTo(1);
  }

  @Test
  void aCaptionFullOfBoilerplateIsTaggedByWhatItIsAbout() throws Exception {
    JsonNode v = ingest("rc-noodles", "#感谢快手我要上热门 #热门 @快手小助手(O40300047) 76岁老汉吃白皮拉面，一碗十块钱");
    List<JsonNode> items = list(v.path("itemTags"));
    assertThat(items.size()).isGreaterThanOrEqualTo(3);
    assertThat(v.path("audienceTags").size()).isGreaterThanOrEqualTo(1);
    assertThat(items.get(0).path("candidate").asBoolean()).isFalse();
    assertThat(items).extracting(t -> t.path("label").asText())
        .noneMatch(l -> l.contains("热门") || l.contains("快手"));
  }

  @Test
  void anEmojiOnlyTitleGetsWeakCandidateTagsNotAnError() throws Exception {
    JsonNode v = ingest("rc-emoji", "🐱🐱🐱");
    List<JsonNode> items = list(v.path("itemTags"));
    assertThat(items.size()).isGreaterThanOrEqualTo(3);
    assertThat(v.path("audienceTags").size()).isGreaterThanOrEqualTo(1);
    assertThat(items).anySatisfy(t -> assertThat(t.path("candidate").asBoolean()).isTrue());
    assertThat(items).allSatisfy(t -> assertThat(t.path("score").asDouble()).isLessThan(0.5));
  }

  /**
   * The vocabulary grows from what creators write: a hashtag no vocabulary tag names becomes a
   * candidate tag on the video, quarantined while one or two creators use it and released once
   * a third does (TAGCF_CANDIDATE_MIN_CREATORS), when the cover set may take it up.
   */
  @Test
  void aHashtagThatThreeCreatorsUseBecomesAReleasedCandidateTag() throws Exception {
    String sql = "SELECT coalesce(max(creator_count), -1) FROM tags WHERE status = 'candidate' AND kind = 'item'"
        + " AND (label_zh = ? OR label_en = ? OR slug = ?)";
    for (int i = 1; i <= 3; i++) {
      JsonNode v = ingest("rc-market-" + i, "rc-market-creator-" + i, "#五爱市场 今天在市场逛了一下午 第" + i + "次来");
      assertThat(list(v.path("itemTags"))).anySatisfy(t -> {
        assertThat(t.path("label").asText()).isEqualTo("五爱市场");
        assertThat(t.path("candidate").asBoolean()).isTrue();
        assertThat(t.path("score").asDouble()).isLessThan(0.5);
      });
      assertThat(scalar(sql, "五爱市场", "五爱市场", "五爱市场")).isEqualTo(i);
    }
  }

  @Test
  void aOneWordTitleIsTaggedToo() throws Exception {
    JsonNode v = ingest("rc-one-word", "拉面");
    assertThat(v.path("itemTags").size()).isGreaterThanOrEqualTo(3);
    assertThat(v.path("audienceTags").size()).isGreaterThanOrEqualTo(1);
  }
}
