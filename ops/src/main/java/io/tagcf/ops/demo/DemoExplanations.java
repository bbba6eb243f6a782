package io.tagcf.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The demo's explanations section: for one Chinese and one English example video with effects in the
 * published snapshot, asks the API for an explanation in the video's language and prints it with
 * who wrote it and the verifier's verdict.
 */
public final class DemoExplanations {

  private final ApiClient api;
  private final PrintStream out;

  public DemoExplanations(ApiClient api, PrintStream out) {
    this.api = api;
    this.out = out;
  }

  /** Runs the section; false when an explanation did not arrive in time (said on the way). */
  public boolean run(List<CorpusVideo> videos, Duration timeout) throws InterruptedException {
    out.println();
    out.println("== Explanations: why each video did as it did, from the snapshot's estimates only ==");
    boolean ok = true;
    for (String language : List.of("zh", "en")) {
      String videoId = withEffects(videos, language);
      if (videoId == null) {
        out.println(language + ": no example video with effects in the snapshot");
        continue;
      }
      ok &= explain(videoId, language, timeout);
    }
    return ok;
  }

  /** The first corpus video in {@code language} that the snapshot has attributions for. */
  private String withEffects(List<CorpusVideo> videos, String language) {
    for (CorpusVideo v : videos) {
      if (v.upload().path("language").asText().startsWith(language)
          && api.fetch("/v1/videos/" + v.videoId() + "/attributions").body().path("items").size() > 0) {
        return v.videoId();
      }
    }
    return null;
  }

  private boolean explain(String videoId, String language, Duration timeout) throws InterruptedException {
    String path = "/v1/videos/" + videoId + "/explanation";
    ApiClient.Answer refresh = api.post(path + ":refresh?lang=" + language);
    if (refresh.status() != 202) {
      out.printf("%s: refresh answered %d: %s%n", videoId, refresh.status(), refresh.body().path("detail").asText());
      return false;
    }
    // Until the refreshed snapshot's explanation is there: before, an older snapshot's may answer.
    long snapshotId = refresh.body().path("snapshotId").asLong();
    long deadline = System.nanoTime() + timeout.toNanos();
    ApiClient.Answer answer = api.fetch(path + "?lang=" + language);
    while ((answer.status() == 409 || answer.body().path("snapshotId").asLong() != snapshotId)
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      answer = api.fetch(path + "?lang=" + language);
    }
    if (answer.status() != 200 || answer.body().path("snapshotId").asLong() != snapshotId) {
      out.printf("%s: no %s explanation within %d s (%d)%n", videoId, language, timeout.toSeconds(), answer.status());
      return false;
    }
    JsonNode x = answer.body();
    String title = api.get("/v1/videos/" + videoId).path("title").asText();
    out.printf("%n%s  \"%s\"  [%s, snapshot %d, written by the %s, verifier %s]%n", videoId, title, language,
        x.path("snapshotId").asLong(), x.path("writer").asText(),
        x.path("verdict").path("passed").asBoolean() ? "passed" : "failed " + x.path("verdict").path("findings"));
    out.println("  " + x.path("summary").asText());
    for (JsonNode d : x.path("drivers")) {
      out.println("  - " + d.path("text").asText());
    }
    for (JsonNode s : x.path("suggestions")) {
      out.println("  > " + s.path("text").asText());
    }
    return true;
  }
}
