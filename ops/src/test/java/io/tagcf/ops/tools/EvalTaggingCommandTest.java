package io.tagcf.ops.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagcf eval-tagging} on a hand-checked pair of files (eval-gold.jsonl, eval-pred.jsonl):
 *
 * <pre>
 * item, k=5  (4 gold videos; v5 is predicted but not gold and is ignored)
 *   v1 ranked by score: cats dogs pets kittens christmas | funny   hits 2: P 2/5  R 2/3
 *      (in file order "funny" would be second: ranking by score matters)
 *   v2 "home cooking" = "Home Cooking", 红烧肉, 美食              hits 2: P 2/3  R 2/2
 *   v3 camping travel                                             hits 1: P 1/2  R 1/2
 *   v4 no prediction                                              P 0    R 0
 *   P = 0.391667  R = 0.541667  F1 = 0.454613
 * item, k=10: v1 P 3/6 R 1 -> P = 0.416667  R = 0.625  F1 = 0.5
 * audience, k=5 and 10 (v3 has no gold audience: 3 videos)
 *   v1 P 1/2 R 1;  v2 P 1/2 R 1/2;  v4 0 0  ->  P = 0.333333  R = 0.5  F1 = 0.4
 * </pre>
 */
class EvalTaggingCommandTest {

  @TempDir Path dir;

  @Test
  void jsonReportHasTheHandCheckedFigures() throws Exception {
    Path gold = CommandRun.resource("eval-gold.jsonl", dir);
    Path pred = CommandRun.resource("eval-pred.jsonl", dir);
    CommandRun run = CommandRun.of("eval-tagging", "--gold", gold.toString(), "--pred", pred.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("goldVideos").asInt()).isEqualTo(4);
    assertThat(report.path("goldVideosWithPrediction").asInt()).isEqualTo(3);
    JsonNode results = report.path("results");
    assertThat(results).hasSize(4);
    expect(results.get(0), "item", 5, 4, 0.391667, 0.541667, 0.454613);
    expect(results.get(1), "item", 10, 4, 0.416667, 0.625, 0.5);
    expect(results.get(2), "audience", 5, 3, 0.333333, 0.5, 0.4);
    expect(results.get(3), "audience", 10, 3, 0.333333, 0.5, 0.4);
    for (JsonNode r : results) {
      for (String m : new String[] {"precision", "recall", "f1"}) {
        JsonNode ci = r.path(m + "Ci95");
        assertThat(ci.get(0).asDouble()).isLessThanOrEqualTo(r.path(m).asDouble());
        assertThat(ci.get(1).asDouble()).isGreaterThanOrEqualTo(r.path(m).asDouble());
      }
    }
  }

  private static void expect(JsonNode r, String kind, int k, int videos, double p, double rec, double f1) {
    assertThat(r.path("kind").asText()).isEqualTo(kind);
    assertThat(r.path("k").asInt()).isEqualTo(k);
    assertThat(r.path("videos").asInt()).isEqualTo(videos);
    assertThat(r.path("precision").asDouble()).isCloseTo(p, within(1e-6));
    assertThat(r.path("recall").asDouble()).isCloseTo(rec, within(1e-6));
    assertThat(r.path("f1").asDouble()).isCloseTo(f1, within(1e-6));
  }

  @Test
  void tableIsTheDefaultAndTheKsAreChosen() {
    Path gold = CommandRun.resource("eval-gold.jsonl", dir);
    Path pred = CommandRun.resource("eval-pred.jsonl", dir);
    CommandRun run = CommandRun.of("eval-tagging", "--gold", gold.toString(), "--pred", pred.toString(), "--k", "10, 1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("4 videos, 3 with a prediction")
        // k=1: v1 cats hit, v2 home cooking hit, v3 camping miss, v4 none: P 2/4, R (1/3 + 1/2)/4
        .containsPattern("item\\s+1\\s+4\\s+0\\.500 \\[[0-9., ]+\\]\\s+0\\.208 \\[")
        .containsPattern("item\\s+10\\s+4\\s+0\\.417 \\[[0-9.]+, [0-9.]+\\]\\s+0\\.625 \\[[0-9.]+, [0-9.]+\\]\\s+0\\.500 \\[")
        .containsPattern("audience\\s+10\\s+3\\s+0\\.333");
  }

  @Test
  void badInputIsOneLineAndNonZero() throws Exception {
    Path gold = CommandRun.resource("eval-gold.jsonl", dir);
    Path pred = CommandRun.resource("eval-pred.jsonl", dir);
    CommandRun.of("eval-tagging", "--gold", dir.resolve("nope.jsonl").toString(), "--pred", pred.toString())
        .assertOneLineError(1, "--gold", "nope.jsonl", "no such file");

    Path broken = dir.resolve("broken.jsonl");
    Files.writeString(broken, "{\"videoId\":\"v1\",\"itemTags\":[]}\n\n{\"videoId\":\"v2\",\"itemTags\":[\n");
    CommandRun.of("eval-tagging", "--gold", gold.toString(), "--pred", broken.toString())
        .assertOneLineError(1, "broken.jsonl line 3: not valid JSON");

    Path badEntry = dir.resolve("bad-entry.jsonl");
    Files.writeString(badEntry, "{\"videoId\":\"v1\",\"itemTags\":[\"cats\", {\"score\":0.5}],\"audienceTags\":\"fans\"}\n");
    CommandRun.of("eval-tagging", "--gold", badEntry.toString(), "--pred", pred.toString())
        .assertOneLineError(1, "bad-entry.jsonl line 1:", "itemTags[1] must be a label string", "audienceTags must be an array");

    Path dup = dir.resolve("dup.jsonl");
    Files.writeString(dup, "{\"videoId\":\"v1\",\"itemTags\":[\"a\"]}\n{\"videoId\":\"v1\",\"itemTags\":[\"b\"]}\n");
    CommandRun.of("eval-tagging", "--gold", dup.toString(), "--pred", pred.toString())
        .assertOneLineError(1, "dup.jsonl line 2: videoId v1 already on line 1");

    Path noId = dir.resolve("no-id.jsonl");
    Files.writeString(noId, "{\"itemTags\":[\"a\"]}\n");
    CommandRun.of("eval-tagging", "--gold", noId.toString(), "--pred", pred.toString())
        .assertOneLineError(1, "no-id.jsonl line 1: videoId is required");

    Path empty = dir.resolve("empty.jsonl");
    Files.writeString(empty, "\n");
    CommandRun.of("eval-tagging", "--gold", empty.toString(), "--pred", pred.toString())
        .assertOneLineError(1, "has no videos");

    CommandRun.of("eval-tagging", "--gold", gold.toString(), "--pred", pred.toString(), "--k", "5,0")
        .assertOneLineError(1, "--k must be");
    CommandRun.of("eval-tagging", "--gold", gold.toString(), "--pred", pred.toString(), "--format", "xml")
        .assertOneLineError(1, "--format must be table or json");
    CommandRun.of("eval-tagging", "--gold", gold.toString())
        .assertOneLineError(2, "Missing required option", "--pred");
  }

  @Test
  void disjointIdsWarn() throws Exception {
    Path gold = CommandRun.resource("eval-gold.jsonl", dir);
    Path other = dir.resolve("other.jsonl");
    Files.writeString(other, "{\"videoId\":\"x\",\"itemTags\":[{\"label\":\"cats\",\"score\":1}]}\n");
    CommandRun run = CommandRun.of("eval-tagging", "--gold", gold.toString(), "--pred", other.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("none of the 4 gold videos has a line in");
  }
}
