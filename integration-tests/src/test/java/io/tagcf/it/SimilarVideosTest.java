package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.SampleCorpus;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nearest neighbours by pgvector over real embeddings: videos of one topic find each other
 * first. The videos are the first three of each chosen topic and language in the bundled corpus
 * (not picked by how well they do), uploaded under test ids.
 */
class SimilarVideosTest {

  private static final String[][] TOPICS = {
    {"cats", "zh"}, {"football", "zh"}, {"baking", "en"}, {"personal-finance", "en"}, {"camping", "zh"}
  };

  private static final Map<String, String> topicOf = new HashMap<>();
  private static DevStack stack;

  @BeforeAll
  static void upload() throws Exception {
    stack = TestStack.get();
    List<CorpusVideo> corpus = SampleCorpus.bundled();
    List<String> ids = new ArrayList<>();
    for (String[] topic : TOPICS) {
      corpus.stream()
          .filter(v -> v.topic().equals(topic[0]) && v.upload().path("language").asText().equals(topic[1]))
          .limit(3)
          .forEach(v -> {
            ObjectNode body = v.upload().deepCopy();
            String id = "sim-" + v.videoId();
            body.put("videoId", id);
            assertThat(Http.postJson("/v1/videos", body.toString()).status()).isEqualTo(202);
            topicOf.put(id, topic[0]);
            ids.add(id);
          });
    }
    assertThat(ids).hasSize(15);
    for (String id : ids) {
      stack.temporal().client()
          .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(id), Optional.empty(), Optional.empty())
          .getResult(120, TimeUnit.SECONDS, IngestResult.class);
    }
  }

  private static List<String> neighbours(String id, int k) {
    Http.Reply r = Http.get("/v1/videos/" + id + "/similar?k=" + k);
    assertThat(r.status()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode item : r.json().path("items")) {
      if (topicOf.containsKey(item.path("videoId").asText())) {
        out.add(item.path("videoId").asText());
      }
    }
    return out;
  }

  @Test
  void eachVideosNearestNeighbourSharesItsTopic() {
    for (String id : topicOf.keySet()) {
      List<String> near = neighbours(id, 100);
      assertThat(near).as("neighbours of %s", id).isNotEmpty();
      assertThat(topicOf.get(near.get(0))).as("nearest to %s is %s", id, near.get(0)).isEqualTo(topicOf.get(id));
    }
  }

  @Test
  void neighboursComeWithDescendingSimilarityAndRespectK() {
    String id = topicOf.keySet().iterator().next();
    JsonNode items = Http.get("/v1/videos/" + id + "/similar?k=4").json().path("items");
    assertThat(items).hasSize(4);
    double previous = 1.0;
    for (JsonNode item : items) {
      assertThat(item.path("videoId").asText()).isNotEqualTo(id);
      assertThat(item.path("title").asText()).isNotBlank();
      double s = item.path("similarity").asDouble();
      assertThat(s).isBetween(-1.0, previous);
      previous = s;
    }
  }
}
