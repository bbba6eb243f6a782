package io.tagcf.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tagcf.store.Database;
import io.tagcf.store.ingest.IngestStatistics;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Prints what the demo did: throughput, tag figures and three example videos from the API. */
public final class DemoSummary {

  private final IngestStatistics stats;
  private final ApiClient api;
  private final PrintStream out;

  public DemoSummary(Database db, ApiClient api, PrintStream out) {
    this.stats = new IngestStatistics(db.dataSource());
    this.api = api;
    this.out = out;
  }

  public void print(
      List<CorpusVideo> videos, double uploadSeconds, double totalSeconds,
      List<CorpusUploader.Rejected> rejected, List<String> unfinished) {
    List<String> ids = videos.stream().map(CorpusVideo::videoId).toList();
    Set<String> topics = new TreeSet<>();
    videos.forEach(v -> topics.add(v.topic()));
    out.println();
    out.println("== Summary ==");
    out.printf("videos: %d across %d topics; uploaded in %.1f s, all workflows finished after %.1f s%n",
        videos.size(), topics.size(), uploadSeconds, totalSeconds);
    out.printf("throughput: %.1f videos/s end to end%n", videos.size() / totalSeconds);
    out.printf("stages: %s%n", stats.stages(ids));
    if (!rejected.isEmpty()) {
      out.printf("rejected uploads: %d (first: %s)%n", rejected.size(), rejected.get(0));
    }
    if (!unfinished.isEmpty()) {
      out.printf("unfinished or failed workflows: %d (first: %s)%n", unfinished.size(), unfinished.get(0));
    }
    stats.tags(ids).forEach((kind, f) ->
        out.printf("%s tags: %d assignments (%.1f per video), %d distinct tags, %d of them new candidates%n",
            kind, f.assignments(), (double) f.assignments() / videos.size(), f.distinctTags(), f.candidateTags()));
    out.println();
    out.println("== Examples ==");
    Map<String, CorpusVideo> byTopic = new LinkedHashMap<>();
    for (CorpusVideo v : videos) {
      byTopic.putIfAbsent(v.topic(), v);
    }
    byTopic.values().stream().limit(3).forEach(this::example);
  }

  private void example(CorpusVideo v) {
    JsonNode video = api.get("/v1/videos/" + v.videoId());
    out.printf("%n%s  \"%s\"  [topic %s, %s, stage %s]%n",
        v.videoId(), video.path("title").asText(), v.topic(), video.path("language").asText(),
        video.path("stage").asText());
    out.printf("  item tags:     %s%n", labels(video.path("itemTags")));
    out.printf("  audience tags: %s%n", labels(video.path("audienceTags")));
    JsonNode similar = api.get("/v1/videos/" + v.videoId() + "/similar?k=3").path("items");
    out.println("  nearest neighbours:");
    for (JsonNode s : similar) {
      out.printf("    %.3f  %s  %s%n", s.path("similarity").asDouble(), s.path("videoId").asText(),
          s.path("title").asText());
    }
  }

  private static String labels(JsonNode tags) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode t : tags) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(t.path("label").asText()).append(String.format(" (%.2f)", t.path("score").asDouble()));
    }
    return sb.length() == 0 ? "(none)" : sb.toString();
  }
}
