package io.tagcf.bench;

import io.tagcf.activities.llm.LlmProvider;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.activities.llm.LlmVideoTagger;
import io.tagcf.batch.LocalModels;
import io.tagcf.batch.llm.RetryingLlmCaller;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench tagging}: what {@code tagcf tag} costs per video. The offline tagger over
 * the bundled corpus (videos/s on one thread and on N), and the LLM path against a loopback
 * server that answers at once: with the model's own time at zero, the time per call is our
 * overhead (prompt, LangChain4j client, loopback HTTP, JSON, validation), shown with the share the
 * server itself spent.
 */
@Command(name = "tagging", mixinStandardHelpOptions = true,
    description = "Tagging throughput: offline tagger videos/s (1 and N threads) and our overhead per LLM call.")
final class TaggingBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rounds", defaultValue = "2", description = "Measured passes over the corpus per setting (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--videos", defaultValue = "375", description = "Corpus videos per pass (default ${DEFAULT-VALUE}, the whole corpus).")
  int videoCount;

  @Option(names = "--threads", defaultValue = "0", description = "Threads for the parallel runs; 0 = cores (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--llm-calls", defaultValue = "2000", description = "Measured LLM calls per setting (default ${DEFAULT-VALUE}).")
  int llmCalls;

  @Option(names = "--llm-concurrency", defaultValue = "4", description = "Calls in flight for the parallel LLM run (default ${DEFAULT-VALUE}).")
  int llmConcurrency;

  @Option(names = "--skip-offline", description = "Only the LLM path.")
  boolean skipOffline;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || videoCount < 1 || llmCalls < 10 || threads < 0 || llmConcurrency < 1) {
      throw new IllegalArgumentException("--rounds, --videos, --llm-concurrency must be positive, --llm-calls >= 10");
    }
    PrintWriter out = spec.commandLine().getOut();
    int cores = Runtime.getRuntime().availableProcessors();
    int parallel = threads == 0 ? cores : threads;
    List<VideoSubmission> videos = BenchCorpus.videos(videoCount);
    out.printf(Locale.ROOT, "machine: %d cores, %s, load average %.2f at start (this process's own work counts in later load"
        + " averages; the 'other processes' figures do not)%n", cores,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), load());
    out.flush();
    if (!skipOffline) {
      offline(out, TagcfCommand.config(spec), videos, parallel);
    }
    llm(out, videos);
    out.printf(Locale.ROOT, "load average %.2f at end%n", load());
    out.flush();
    return 0;
  }

  private void offline(PrintWriter out, TagcfConfig config, List<VideoSubmission> videos, int parallel) throws Exception {
    String model = config.embeddingModel();
    long t0 = System.nanoTime();
    LocalModels.embedder(model);
    long t1 = System.nanoTime();
    LocalModels.seedVocabulary(model);
    long t2 = System.nanoTime();
    OfflineTagger tagger = LocalModels.offlineTagger(model, config.offlineTagger());
    long t3 = System.nanoTime();
    out.printf(Locale.ROOT, "offline set-up: model %s loaded in %.1f s, seed vocabulary embedded in %.1f s, tagger built in %.1f s%n",
        model, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    // warm-up: JIT and ONNX Runtime's first runs
    videos.subList(0, Math.min(20, videos.size())).forEach(tagger::tag);
    for (int n : parallel == 1 ? new int[] {1} : new int[] {1, parallel}) {
      double[] perSecond = new double[rounds];
      OtherCpu before = OtherCpu.now();
      for (int r = 0; r < rounds; r++) {
        long s = System.nanoTime();
        ParallelEach.run(videos, n, tagger::tag);
        perSecond[r] = videos.size() / ((System.nanoTime() - s) / 1e9);
      }
      out.printf(Locale.ROOT, "offline tagger, %d thread%s: %6.1f ± %4.1f videos/s  (%d videos x %d rounds: %s; %s)%n",
          n, n == 1 ? " " : "s", mean(perSecond), sd(perSecond), videos.size(), rounds, Arrays.toString(rounded(perSecond)),
          others(before));
      out.flush();
    }
  }

  private void llm(PrintWriter out, List<VideoSubmission> videos) throws Exception {
    try (CannedLlmServer server = new CannedLlmServer(Math.max(4, llmConcurrency))) {
      LlmSettings settings = new LlmSettings(LlmProvider.OPENAI, server.baseUrl(), "none", "canned", Duration.ofSeconds(10),
          1, Duration.ofMillis(100), llmConcurrency, 1e9);
      LlmVideoTagger tagger = LlmVideoTagger.create(settings);
      RetryingLlmCaller caller = RetryingLlmCaller.of(settings);
      List<Runnable> calls = new ArrayList<>(llmCalls);
      for (int i = 0; i < llmCalls; i++) {
        VideoSubmission v = videos.get((i / 2) % videos.size());
        TagKind kind = i % 2 == 0 ? TagKind.ITEM : TagKind.AUDIENCE;
        calls.add(() -> caller.call(() -> tagger.tag(v, kind)));
      }
      calls.subList(0, Math.min(500, calls.size())).forEach(Runnable::run);
      server.resetCounters();
      double[] millis = new double[calls.size()];
      OtherCpu before = OtherCpu.now();
      long s = System.nanoTime();
      for (int i = 0; i < calls.size(); i++) {
        long c0 = System.nanoTime();
        calls.get(i).run();
        millis[i] = (System.nanoTime() - c0) / 1e6;
      }
      double seconds = (System.nanoTime() - s) / 1e9;
      String disturbance = others(before);
      double serverMs = server.meanHandlingMillis();
      Arrays.sort(millis);
      double mean = Arrays.stream(millis).average().orElse(0);
      out.printf(Locale.ROOT, "LLM path (OpenAI protocol, loopback server answering at once), 1 thread: %d calls, %.0f calls/s%n",
          calls.size(), calls.size() / seconds);
      out.printf(Locale.ROOT, "  per call: mean %.2f ms, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; server's own handling %.2f ms%n",
          mean, pct(millis, 0.50), pct(millis, 0.95), pct(millis, 0.99), serverMs);
      out.printf(Locale.ROOT, "  our overhead per call (mean minus server handling, model time 0): %.2f ms (target < 5 ms; %s)%n",
          mean - serverMs, disturbance);
      out.flush();
      OtherCpu pBefore = OtherCpu.now();
      long p0 = System.nanoTime();
      ParallelEach.run(calls, llmConcurrency, Runnable::run);
      double pSeconds = (System.nanoTime() - p0) / 1e9;
      out.printf(Locale.ROOT, "LLM path, %d calls in flight: %.0f calls/s (%.0f videos/s at 2 calls per video; %s)%n",
          llmConcurrency, calls.size() / pSeconds, calls.size() / pSeconds / 2, others(pBefore));
      out.flush();
    }
  }


  /** Corpus videos as {@code tagcf tag} reads them, the corpus repeated when more are asked for. */
  /** The CPU other processes used while a figure was measured: the figure's disturbance. */
  private static String others(OtherCpu before) {
    double cores = OtherCpu.now().coresSince(before);
    return Double.isNaN(cores) ? "other processes' CPU unknown" : String.format(Locale.ROOT, "other processes used %.2f cores", cores);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double pct(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElse(0);
  }

  private static double sd(double[] x) {
    double m = mean(x);
    return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / Math.max(1, x.length - 1));
  }

  private static double[] rounded(double[] x) {
    return Arrays.stream(x).map(v -> Math.round(v * 10) / 10.0).toArray();
  }
}
