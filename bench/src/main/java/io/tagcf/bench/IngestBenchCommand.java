package io.tagcf.bench;

import io.tagcf.models.access.AccessRole;
import io.tagcf.store.access.KeyIssuer;
import io.tagcf.store.access.ApiKeyRepository;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.demo.ApiClient;
import io.tagcf.ops.demo.CorpusUploader;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.SampleCorpus;
import io.tagcf.ops.demo.WorkflowWaiter;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.ingest.IngestStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf bench ingest}: N videos through the HTTP API on the embedded stack; videos/s,
 * upload-to-tagged latency percentiles (from the database's own timestamps) and where the time
 * goes (Temporal SDK timers per activity type). Runs against its own database.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest throughput and latency of N videos through the HTTP API on the embedded stack.")
final class IngestBenchCommand implements Callable<Integer> {

  @Option(names = "--videos", defaultValue = "1000", description = "Videos to upload (default ${DEFAULT-VALUE}).")
  int videos;

  @Option(names = "--concurrency", defaultValue = "32", description = "Uploads in flight (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--rate", defaultValue = "0",
      description = "Uploads per second; 0 (default) uploads as fast as possible, which measures throughput."
          + " A rate below capacity measures latency without queueing.")
  double rate;

  @Option(names = "--database", defaultValue = "postgresql://127.0.0.1:5432/tagcf_bench?user=postgres",
      description = "Database to use; its videos are deleted first (default ${DEFAULT-VALUE}).")
  String database;

  @Override
  public Integer call() throws Exception {
    if (videos < 1 || concurrency < 1) {
      throw new IllegalArgumentException("--videos and --concurrency must be positive");
    }
    DatabaseUrl url = BenchVideos.emptied(database);
    TagcfConfig config = TagcfConfig.fromEnvironment().withDatabase(url).withHttpPort(0).withManagementPort(0)
        .withDevTemporalPort(0);
    try (DevStack stack = DevStack.start(config)) {
      List<CorpusVideo> batch = synthesise(SampleCorpus.bundled(), videos);
      String key = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()), config.access().hasher())
          .add(AccessRole.SERVICE, null, "ingest benchmark");
      ApiClient api = new ApiClient("http://" + config.httpHost() + ":" + stack.httpPort(), key);
      long t0 = System.nanoTime();
      var rejected = new CorpusUploader(api, concurrency, rate).uploadAll(batch, true);
      double uploadSeconds = (System.nanoTime() - t0) / 1e9;
      List<String> ids = batch.stream().map(CorpusVideo::videoId).toList();
      List<String> unfinished = WorkflowWaiter.of(stack).awaitAll(ids, 1800, true);
      double seconds = (System.nanoTime() - t0) / 1e9;
      // Temporal's metrics scope reports every 5 s; let the last report land.
      TimeUnit.SECONDS.sleep(6);
      var latencies = new IngestStatistics(stack.database().dataSource()).doneLatencies(ids);
      System.out.printf("%nvideos: %d (rejected %d, unfinished %d), cores: %d, upload rate: %s%n", videos,
          rejected.size(), unfinished.size(), Runtime.getRuntime().availableProcessors(),
          rate > 0 ? rate + "/s" : "unlimited (" + concurrency + " in flight)");
      System.out.printf("uploads accepted in %.1f s (%.0f req/s)%n", uploadSeconds, videos / uploadSeconds);
      System.out.printf("throughput: %.1f videos/s (all %d tagged after %.1f s)%n", videos / seconds, videos, seconds);
      System.out.printf("upload-to-tagged latency: p50 %.2f s, p95 %.2f s, max %.2f s%n",
          percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 1.0));
      System.out.println("where the time goes (Temporal SDK timers, mean per call):");
      timers(stack, "temporal_activity_execution_latency", "activity_type").forEach((k, v) -> System.out.println("  execute " + k + ": " + v));
      timers(stack, "temporal_local_activity_execution_latency", "activity_type").forEach((k, v) -> System.out.println("  local   " + k + ": " + v));
      timers(stack, "temporal_activity_schedule_to_start_latency", "activity_type").forEach((k, v) -> System.out.println("  queue   " + k + ": " + v));
      timers(stack, "temporal_workflow_task_execution_latency", "workflow_type").forEach((k, v) -> System.out.println("  workflow task " + k + ": " + v));
      timers(stack, "temporal_workflow_task_schedule_to_start_latency", "task_queue").forEach((k, v) -> System.out.println("  workflow task queue " + k + ": " + v));
      return unfinished.isEmpty() && rejected.isEmpty() ? 0 : 2;
    }
  }

  /** Corpus videos cycled under new ids, each with a distinct description so each is new content. */
  static List<CorpusVideo> synthesise(List<CorpusVideo> corpus, int n) {
    List<CorpusVideo> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CorpusVideo src = corpus.get(i % corpus.size());
      ObjectNode body = src.upload().deepCopy();
      body.put("videoId", String.format("bench-%05d", i));
      body.put("description", body.path("description").asText("") + " (#" + i + ")");
      out.add(new CorpusVideo(src.topic(), body));
    }
    return out;
  }

  private static double percentile(List<IngestStatistics.Latency> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))).seconds();
  }

  private static Map<String, String> timers(DevStack stack, String name, String tag) {
    Map<String, String> out = new TreeMap<>();
    for (Meter m : stack.registry().getMeters()) {
      if (m instanceof Timer t && t.getId().getName().replace('.', '_').equals(name) && t.count() > 0) {
        String key = t.getId().getTag(tag);
        out.put(key == null ? "?" : key, String.format("%.1f ms x %d", t.mean(TimeUnit.MILLISECONDS), t.count()));
      }
    }
    return out;
  }
}
