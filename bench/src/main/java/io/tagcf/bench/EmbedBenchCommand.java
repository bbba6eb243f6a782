package io.tagcf.bench;

import io.tagcf.activities.embedding.OnnxModelSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench embed}: runs {@link EmbeddingBenchmark} under JMH (forked JVM, warm-up
 * iterations, measured iterations with JMH's 99.9% error) and prints texts/s per contender and
 * batch size, with the ratio of TagCF's embedder to the plain ONNX Runtime session.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = {
      "Time TagCF's embedder against a plain ONNX Runtime session on the same model (JMH).",
      "Texts/s at batch 1 and 32 over the bundled corpus's video texts, and the ratio of the two."
    })
final class EmbedBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--forks", defaultValue = "1", description = "JMH forks (default ${DEFAULT-VALUE}).")
  int forks;

  @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--seconds", defaultValue = "10", description = "Seconds per iteration (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--threads", defaultValue = "0",
      description = "ONNX intra-op threads for both ONNX contenders; 0 = ONNX Runtime's default (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--langchain4j", description = "Also time LangChain4j's own in-process model (per text).")
  boolean langchain4j;

  @Override
  public Integer call() throws Exception {
    if (forks < 0 || warmup < 0 || iterations < 1 || seconds < 1 || threads < 0) {
      throw new IllegalArgumentException("--iterations and --seconds must be >= 1; --forks, --warmup, --threads >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> contenders = new ArrayList<>(List.of("tagcf", "plain-ort"));
    if (langchain4j) {
      contenders.add("langchain4j");
    }
    out.printf(Locale.ROOT, "model %s, video texts of the bundled corpus, %d cores, ONNX threads %s; JMH: %d fork(s),"
            + " %d warm-up and %d measured iterations of %d s%n", OnnxModelSpec.DEFAULT.modelName(),
        Runtime.getRuntime().availableProcessors(), threads == 0 ? "default" : threads, forks, warmup, iterations,
        seconds);
    out.flush();
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(EmbeddingBenchmark.class.getName() + ".embed")
        .param("contender", contenders.toArray(String[]::new))
        .param("batch", "1", Integer.toString(EmbeddingBenchmark.TEXTS_PER_INVOCATION))
        .param("threads", Integer.toString(threads))
        .forks(forks)
        .warmupIterations(warmup)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .jvmArgsAppend("-Xmx2g")
        .verbosity(VerboseMode.SILENT);
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String key = r.getParams().getParam("contender") + "@" + r.getParams().getParam("batch");
      scores.put(key, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
    }
    out.printf(Locale.ROOT, "%-14s %22s %22s%n", "contender", "batch 1 (texts/s)", "batch 32 (texts/s)");
    for (String c : contenders) {
      out.printf(Locale.ROOT, "%-14s %22s %22s%n", c, cell(scores.get(c + "@1")), cell(scores.get(c + "@32")));
    }
    for (String batch : List.of("1", "32")) {
      double[] ours = scores.get("tagcf@" + batch);
      double[] plain = scores.get("plain-ort@" + batch);
      out.printf(Locale.ROOT, "ratio TagCF / plain at batch %s: %.2f%n", batch, ours[0] / plain[0]);
    }
    out.flush();
    return 0;
  }

  private static String cell(double[] score) {
    return score == null ? "-" : String.format(Locale.ROOT, "%.1f ± %.1f", score[0], score[1]);
  }
}
