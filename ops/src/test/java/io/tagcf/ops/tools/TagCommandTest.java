package io.tagcf.ops.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.activities.llm.ScriptedLlmServer;
import io.tagcf.models.tags.TagVocabulary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagcf tag} end to end on six zh/en videos (videos.jsonl): the offline tagger with the real
 * ONNX model and the seed vocabulary, the LLM path against the scripted server, resuming, and bad
 * input.
 */
class TagCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final List<String> ZH_ITEMS = List.of("家常菜", "红烧肉", "中式烹饪", "下饭菜", "慢炖", "家庭晚餐", "猪肉做法", "美食教程");
  private static final List<String> ZH_AUDIENCES = List.of("家庭主妇", "美食爱好者", "上班族", "新手厨师", "大学生", "年轻父母");
  private static final List<String> EN_ITEMS = List.of("cats", "pet humour", "christmas tree", "cat behaviour", "holiday chaos", "funny pets");
  private static final List<String> EN_AUDIENCES = List.of("cat owners", "pet lovers", "families", "students", "office workers", "animal lovers");

  private static ScriptedLlmServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new ScriptedLlmServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> llmEnv() {
    return Map.of(
        "TAGCF_LLM_PROVIDER", "openai",
        "TAGCF_LLM_BASE_URL", server.openAiBaseUrl(),
        "TAGCF_LLM_MODEL", "scripted-model",
        "TAGCF_LLM_MAX_ATTEMPTS", "2",
        "TAGCF_LLM_BACKOFF_MILLIS", "5",
        "TAGCF_LLM_RATE", "1000",
        "TAGCF_LLM_CONCURRENCY", "2",
        "TAGCF_LLM_TIMEOUT_SECONDS", "5");
  }

  /** Valid tags in the language of the prompt (a Chinese prompt is all the Han text an English call has). */
  private static ScriptedLlmServer.Reply goodReply(ScriptedLlmServer.Call c) {
    boolean zh = HAN.matcher(c.user()).find();
    return ScriptedLlmServer.Reply.tags(c.asksForAudience() ? (zh ? ZH_AUDIENCES : EN_AUDIENCES) : (zh ? ZH_ITEMS : EN_ITEMS));
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private static List<String> ids(Path file) throws Exception {
    return lines(file).stream().map(n -> n.path("videoId").asText()).toList();
  }

  private static List<String> labels(JsonNode line, String kind) {
    List<String> out = new ArrayList<>();
    line.path(kind).forEach(t -> out.add(t.path("label").asText()));
    return out;
  }

  private static JsonNode line(Path file, String videoId) throws Exception {
    return lines(file).stream().filter(n -> n.path("videoId").asText().equals(videoId)).findFirst().orElseThrow();
  }

  private static String zh(String en) {
    return TagVocabulary.seed().entries().stream().filter(v -> v.en().equals(en)).findFirst().orElseThrow().zh();
  }

  @Test
  void offlineTagsEveryVideoAndAResumedRunCompletesAnInterruptedOne() throws Exception {
    Path in = CommandRun.resource("videos.jsonl", dir);
    Path full = dir.resolve("full.jsonl");
    // One thread: lines come in input order (with more, in the order videos finish).
    CommandRun run = CommandRun.of("tag", "--in", in.toString(), "--out", full.toString(), "--concurrency", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.lastOutLine()).contains("tagged 6 videos").contains("offline tagger (bge-small-zh-v15-q, offline-v2)")
        .contains("offline 6").contains("already there 0").contains("invalid lines skipped 0").contains("failed 0");
    List<String> fullLines = Files.readAllLines(full);
    assertThat(ids(full)).containsExactly("zh-pork", "en-cat", "zh-baby", "en-run", "zh-travel", "en-code");
    for (JsonNode n : lines(full)) {
      assertThat(n.fieldNames()).toIterable()
          .containsExactly("videoId", "itemTags", "audienceTags", "tagger", "fallbackReason");
      assertThat(n.path("tagger").asText()).isEqualTo("offline");
      assertThat(n.path("fallbackReason").isNull()).isTrue();
      assertThat(n.path("itemTags").size()).isBetween(3, 10);
      assertThat(n.path("audienceTags").size()).isBetween(1, 8);
      // calibrated scores: the share of such tags that turn out right, best first
      List<Double> scores = new ArrayList<>();
      n.path("itemTags").forEach(t -> scores.add(t.path("score").asDouble()));
      assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
      assertThat(scores.get(0)).isGreaterThan(0.5);
    }
    assertThat(labels(line(full, "zh-pork"), "itemTags")).contains(zh("braised pork belly"));
    assertThat(labels(line(full, "en-cat"), "itemTags").get(0)).isEqualTo("cats");
    assertThat(labels(line(full, "zh-baby"), "audienceTags")).contains(zh("new parents"));

    // An interrupted run: two whole lines and the first part of the third, cut inside a character.
    Path partial = dir.resolve("partial.jsonl");
    byte[] third = (fullLines.get(2)).getBytes(StandardCharsets.UTF_8);
    String head = fullLines.get(0) + "\n" + fullLines.get(1) + "\n";
    byte[] cut = java.util.Arrays.copyOf(third, 40);
    Files.write(partial, concat(head.getBytes(StandardCharsets.UTF_8), cut));
    CommandRun resumed = CommandRun.of("tag", "--in", in.toString(), "--out", partial.toString(), "--concurrency", "3");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.errLines()).singleElement().asString().contains("removed the cut-off last line");
    assertThat(resumed.lastOutLine()).contains("tagged 4 videos").contains("already there 2");
    List<String> after = Files.readAllLines(partial);
    assertThat(after.subList(0, 2)).containsExactlyElementsOf(fullLines.subList(0, 2));
    assertThat(ids(partial)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(full));
    // The offline tagger is deterministic, also on three threads: the same lines, in completion order.
    assertThat(after).containsExactlyInAnyOrderElementsOf(fullLines);

    CommandRun again = CommandRun.of("tag", "--in", in.toString(), "--out", partial.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.lastOutLine()).contains("tagged 0 videos").contains("already there 6");
    assertThat(Files.readAllLines(partial)).isEqualTo(after);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void invalidLinesAreReportedAndSkippedAndTheExitCodeSaysSo() throws Exception {
    Path in = dir.resolve("videos.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"videoId\":\"ok-1\",\"creatorId\":\"c\",\"title\":\"我家猫咪今天学会了握手\"}",
        "{\"videoId\":\"broken\",",
        "{\"videoId\":\"no-title\",\"creatorId\":\"c\"}",
        "{\"videoId\":\"typo\",\"creatorId\":\"c\",\"title\":\"t\",\"transcirpt\":\"x\"}",
        "{\"videoId\":\"bad types\",\"creatorId\":\"c\",\"title\":\"t\",\"durationSec\":\"long\",\"publishedAt\":\"yesterday\"}",
        "",
        "{\"videoId\":\"ok-1\",\"creatorId\":\"c\",\"title\":\"again\"}",
        "{\"videoId\":\"ok-2\",\"creatorId\":\"c\",\"title\":\"Grilled salmon with lemon butter\",\"language\":\"en\"}",
        ""));
    Path out = dir.resolve("tags.jsonl");
    CommandRun run = CommandRun.of("tag", "--in", in.toString(), "--out", out.toString(), "--tagger", "offline");
    assertThat(run.exitCode()).isEqualTo(3);
    // Default concurrency: lines come in the order videos finish.
    assertThat(ids(out)).containsExactlyInAnyOrder("ok-1", "ok-2");
    assertThat(run.errLines()).hasSize(5);
    assertThat(run.errLines().get(0)).startsWith("tagcf tag: ").contains("videos.jsonl line 2: not valid JSON").endsWith("; skipped");
    assertThat(run.errLines().get(1)).contains("line 3: title is required and must not be blank");
    assertThat(run.errLines().get(2)).contains("line 4: unknown field 'transcirpt'");
    assertThat(run.errLines().get(3)).contains("line 5: ").contains("durationSec must be a number")
        .contains("publishedAt must be an ISO-8601 date-time").contains("videoId is required: 1-128 characters");
    assertThat(run.errLines().get(4)).contains("line 7: videoId ok-1 already on line 1; skipped");
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.lastOutLine()).contains("tagged 2 videos").contains("invalid lines skipped 5");
  }

  @Test
  void theLlmTagsAndAFailingVideoFallsBackWithItsReason() throws Exception {
    Path in = CommandRun.resource("videos.jsonl", dir);
    // Every call about the running video fails, the coding video's is rejected; the rest answer well.
    server.script(c -> c.user().contains("Marathon") ? ScriptedLlmServer.Reply.status(500, "{\"error\":\"overloaded\"}")
        : c.user().contains("Python") ? ScriptedLlmServer.Reply.status(400, "{\"error\":\"content filtered\"}")
        : goodReply(c));
    Path out = dir.resolve("tags.jsonl");
    CommandRun run = CommandRun.of(llmEnv(), "tag", "--in", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.lastOutLine()).contains("tagged 6 videos").contains("LLM (openai scripted-model, prompt tagging-v1)")
        .contains("llm 4, fallback 2, offline 0");
    JsonNode pork = line(out, "zh-pork");
    assertThat(pork.path("tagger").asText()).isEqualTo("llm");
    assertThat(pork.path("fallbackReason").isNull()).isTrue();
    assertThat(labels(pork, "itemTags")).containsExactlyElementsOf(ZH_ITEMS);
    assertThat(labels(pork, "audienceTags")).containsExactlyElementsOf(ZH_AUDIENCES);
    assertThat(pork.path("itemTags").get(0).path("score").asDouble()).isEqualTo(1.0);
    assertThat(labels(line(out, "en-cat"), "itemTags")).containsExactlyElementsOf(EN_ITEMS);
    JsonNode run500 = line(out, "en-run");
    assertThat(run500.path("tagger").asText()).isEqualTo("fallback");
    assertThat(run500.path("fallbackReason").asText())
        .isEqualTo("LLM tagging failed: LLM server error: {\"error\":\"overloaded\"} (2 attempts)");
    assertThat(run500.path("itemTags").size()).isPositive();
    // A 400 after other calls succeeded is about this video: no retry, a fallback, the run goes on.
    JsonNode code = line(out, "en-code");
    assertThat(code.path("tagger").asText()).isEqualTo("fallback");
    assertThat(code.path("fallbackReason").asText())
        .isEqualTo("LLM tagging failed: LLM refused the request: {\"error\":\"content filtered\"} (not retried)");
    // 4 videos x 2 calls, 2 attempts at the running video's first call (its second is not made), 1 at the coding one's.
    assertThat(server.calls()).hasSize(11);
  }

  @Test
  void aRateLimitIsWaitedOutAsRetryAfterSays() throws Exception {
    Path in = dir.resolve("one.jsonl");
    Files.writeString(in, "{\"videoId\":\"en-cat\",\"creatorId\":\"c\",\"title\":\"My cat vs the Christmas tree\",\"language\":\"en\"}\n");
    AtomicBoolean limited = new AtomicBoolean();
    server.script(c -> limited.compareAndSet(false, true)
        ? ScriptedLlmServer.Reply.status(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1")
        : goodReply(c));
    Path out = dir.resolve("tags.jsonl");
    CommandRun run = CommandRun.of(llmEnv(), "tag", "--in", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(line(out, "en-cat").path("tagger").asText()).isEqualTo("llm");
    List<ScriptedLlmServer.Call> calls = server.calls();
    assertThat(calls).hasSize(3);
    // the backoff alone would have been 5 ms
    assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aRefusingLlmStopsTheRunWithOneLine() throws Exception {
    Path in = CommandRun.resource("videos.jsonl", dir);
    server.script(c -> ScriptedLlmServer.Reply.status(401, "{\"error\":\"invalid api key\"}"));
    Path out = dir.resolve("tags.jsonl");
    CommandRun.of(llmEnv(), "tag", "--in", in.toString(), "--out", out.toString(), "--concurrency", "1")
        .assertOneLineError(1, "tagcf tag: error: LLM refused the request", "stopped after tagging 0 videos");
    assertThat(Files.readAllLines(out)).isEmpty();
    assertThat(server.calls()).hasSize(1);
  }

  @Test
  void badInputIsOneLineAndNonZero() throws Exception {
    Path in = CommandRun.resource("videos.jsonl", dir);
    String out = dir.resolve("tags.jsonl").toString();
    CommandRun.of("tag", "--in", dir.resolve("missing.jsonl").toString(), "--out", out)
        .assertOneLineError(1, "tagcf tag: error: cannot read --in", "missing.jsonl: no such file");
    CommandRun.of("tag", "--in", dir.toString(), "--out", out).assertOneLineError(1, "it is a directory");
    CommandRun.of("tag", "--in", in.toString(), "--out", out, "--tagger", "gpt")
        .assertOneLineError(1, "--tagger must be auto, offline or llm, got gpt");
    CommandRun.of("tag", "--in", in.toString(), "--out", out, "--tagger", "llm")
        .assertOneLineError(1, "--tagger llm needs an LLM: set TAGCF_LLM_PROVIDER");
    CommandRun.of("tag", "--in", in.toString(), "--out", out, "--concurrency", "0")
        .assertOneLineError(1, "--concurrency must be between 1 and 256");
    CommandRun.of("tag", "--in", in.toString(), "--out", in.toString()).assertOneLineError(1, "--in and --out are the same file");
    CommandRun.of("tag", "--in", in.toString(), "--out", dir.resolve("nowhere/tags.jsonl").toString())
        .assertOneLineError(1, "cannot write --out", "does not exist");
    CommandRun.of("tag", "--in", in.toString()).assertOneLineError(2, "tagcf tag: error: Missing required option", "--out");
    CommandRun.of(Map.of("TAGCF_LLM_PROVIDER", "gemini"), "tag", "--in", in.toString(), "--out", out)
        .assertOneLineError(1, "TAGCF_LLM_PROVIDER must be openai or ollama, got gemini");
    CommandRun.of(Map.of("TAGCF_EMBEDDING_MODEL", "word2vec"), "tag", "--in", in.toString(), "--out", out)
        .assertOneLineError(1, "unknown embedding model 'word2vec'");

    // An --out that this tool did not write is never appended to or truncated.
    Path foreign = dir.resolve("foreign.jsonl");
    String content = "{\"videoId\":\"a\",\"itemTags\":[],\"audienceTags\":[],\"tagger\":\"offline\",\"fallbackReason\":null}\n"
        + "{\"id\":\"x\",\"text\":\"a classify input\"}\n";
    Files.writeString(foreign, content);
    CommandRun.of("tag", "--in", in.toString(), "--out", foreign.toString())
        .assertOneLineError(1, "--out " + foreign + " line 2 is not a tagcf tag line");
    assertThat(Files.readString(foreign)).isEqualTo(content);
    Files.writeString(foreign, "id,text");
    CommandRun.of("tag", "--in", in.toString(), "--out", foreign.toString()).assertOneLineError(1, "line 1 is not a tagcf tag line");
    assertThat(Files.readString(foreign)).isEqualTo("id,text");
    // None of the set-up errors created the output file.
    assertThat(dir.resolve("tags.jsonl")).doesNotExist();
  }
}
