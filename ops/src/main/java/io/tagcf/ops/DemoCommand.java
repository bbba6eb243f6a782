package io.tagcf.ops;

import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.demo.ApiClient;
import io.tagcf.ops.demo.CorpusUploader;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.CoverSetRefresh;
import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.demo.DemoEffects;
import io.tagcf.ops.demo.DemoExplanations;
import io.tagcf.store.access.KeyIssuer;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.ops.demo.DemoSummary;
import io.tagcf.ops.demo.SampleCorpus;
import io.tagcf.ops.demo.SetupScript;
import io.tagcf.ops.demo.WorkflowWaiter;
import io.tagcf.ops.runtime.DevStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tagcf demo}: set-up, the dev stack, the sample corpus uploaded through the HTTP API,
 * every workflow awaited, and a summary; then serves until Ctrl-C (or stops with --exit).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the main job end to end on the embedded defaults and print a summary.",
      "Sets up PostgreSQL, starts the dev stack, uploads the bundled sample corpus through the HTTP API"
          + " and waits for every ingest workflow. Keeps serving until Ctrl-C unless --exit is given."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--exit", description = "Stop after the summary.")
  boolean exit;

  @Option(names = "--corpus", paramLabel = "FILE", description = "A JSONL corpus instead of the bundled one.")
  Path corpus;

  @Option(names = "--limit", description = "Upload only the first N videos.")
  Integer limit;

  @Option(names = "--concurrency", defaultValue = "16", description = "Uploads in flight (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Mixin HttpPortOption httpPort;

  @Option(names = "--skip-setup", description = "Do not run ops/scripts/setup-postgres.sh.")
  boolean skipSetup;

  @Option(names = "--timeout", defaultValue = "900", description = "Seconds to wait for all workflows (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (concurrency < 1 || (limit != null && limit < 1)) {
      throw new IllegalArgumentException("--concurrency and --limit must be positive");
    }
    PrintStream out = System.out;
    TagcfConfig config = httpPort.applyTo(TagcfConfig.fromEnvironment());
    List<CorpusVideo> videos = corpus == null ? SampleCorpus.bundled() : SampleCorpus.fromFile(corpus);
    if (limit != null && limit < videos.size()) {
      videos = videos.subList(0, limit);
    }
    if (!skipSetup) {
      SetupScript.runFor(config.database());
    }
    DevStack stack = DevStack.start(config);
    try {
      String base = "http://" + config.httpHost() + ":" + stack.httpPort();
      KeyIssuer keys = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()), config.access().hasher());
      ApiClient api = new ApiClient(base, keys.add(AccessRole.ADMIN, null, "demo"));
      out.printf("TagCF demo: %d videos through %s%n", videos.size(), base);
      long t0 = System.nanoTime();
      CorpusUploader.Outcome uploads = new CorpusUploader(api, concurrency).upload(videos, true);
      List<CorpusUploader.Rejected> rejected = uploads.rejected();
      double uploadSeconds = (System.nanoTime() - t0) / 1e9;
      List<String> ids = videos.stream().map(CorpusVideo::videoId).toList();
      List<String> unfinished = WorkflowWaiter.of(stack).awaitAll(ids, timeoutSeconds, true);
      double totalSeconds = (System.nanoTime() - t0) / 1e9;
      new DemoSummary(stack.database(), api, out).print(videos, uploadSeconds, totalSeconds, rejected, unfinished);
      out.printf("uploads by outcome: %s%s%n", uploads.ingest(), uploads.ingest().containsKey("unchanged")
          ? " (unchanged: already ingested by an earlier run, so the throughput above is not an ingest rate)" : "");
      CoverSetRefresh.now(stack.temporal().client(), java.time.Duration.ofSeconds(120)).ifPresent(s -> {
        out.println();
        out.println("== Cover set (paper Alg. 1, tau 0.99, recent uploads) ==");
        s.latest().forEach(c -> out.printf("%s tags: %d tags cover %d of %d videos (%.1f%%), version %d%n",
            c.kind().wireName(), c.tags(), c.coveredItems(), c.totalItems(), 100 * c.coverage(), c.version()));
      });
      boolean effects = new DemoEffects(stack, out).run(java.time.Duration.ofSeconds(timeoutSeconds))
          && new DemoExplanations(api, out).run(videos, java.time.Duration.ofSeconds(timeoutSeconds));
      if (!rejected.isEmpty() || !unfinished.isEmpty() || !effects) {
        out.println(effects ? "Some videos did not complete; see above." : "The effects or explanations section did not complete; see above.");
        if (exit) {
          return 2;
        }
      }
      String creator = videos.get(0).upload().path("creatorId").asText();
      out.printf("%nA creator key for %s (shown once; its videos only): %s%n", creator,
          keys.add(AccessRole.CREATOR, creator, "demo"));
      out.printf("  the creator page: %s/creator/ (sign in with the key)%n", base);
      out.printf("  curl -H 'Authorization: Bearer <key>' %s/v1/videos/%s/explanation%n", base, ids.get(0));
      if (exit) {
        return 0;
      }
      out.printf("%nServing on %s (try %s/v1/videos/%s with the key). Ctrl-C to stop.%n", base, base, ids.get(0));
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    if (exit) {
      stack.close();
      return 0;
    }
    Shutdown.awaitSignal(stack);
    return 0;
  }
}
