package io.tagcf.bench;

import io.tagcf.analysis.DesignSpec;
import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.AnalysisReport;
import io.tagcf.models.causal.CausalAnalysis;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.nuisance.NuisanceModel;
import io.tagcf.models.simulation.LinearWorld;
import io.tagcf.ops.estimate.AnalysisCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf bench estimate}: times the estimation engine on DoWhy's linear world written to a
 * CSV (so other tools can be timed on the very same file): reading, then each method on its own,
 * then all methods in one run. Results go to docs/BENCHMARKS.md.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description = "Time tagcf estimate's methods on a generated CSV (DoWhy linear world, beta = 1, 2 instruments).")
public final class BenchEstimateCommand extends AnalysisCommand {
  @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", description = "Default: ${DEFAULT-VALUE}.")
  int rows;

  @Option(names = "--covariates", paramLabel = "P", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
  int covariates;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
      description = "Where the CSV is written. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--methods", paramLabel = "LIST", defaultValue = "all", description = "Default: ${DEFAULT-VALUE}.")
  String methods;

  @Option(names = "--estimand", paramLabel = "ate|att", defaultValue = "ate",
      description = "Default: ${DEFAULT-VALUE} (use att to compare with MatchIt).")
  String estimand;

  @Option(names = "--nuisance", paramLabel = "glm|boost|auto", defaultValue = "auto",
      description = "Learners of aipw's nuisance models, as in tagcf estimate. Default: ${DEFAULT-VALUE}.")
  String nuisance;

  private NuisanceModel learners;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Untimed warm-up runs of all methods on a 10,000-row slice. Default: ${DEFAULT-VALUE}.")
  int warmup;

  public BenchEstimateCommand() {
    this(System.out, System.err);
  }

  BenchEstimateCommand(PrintStream stdout, PrintStream stderr) {
    super(stdout, stderr);
  }

  @Override
  protected String commandName() {
    return "tagcf bench estimate";
  }

  @Override
  protected String ioProblem(Exception e) {
    return "cannot write " + out + ": " + e.getMessage();
  }

  @Override
  protected void run() throws IOException {
    if (rows < 100 || covariates < 1) {
      throw new IllegalArgumentException("need --rows >= 100 and --covariates >= 1");
    }
    Set<Method> chosen = Method.parseList(methods);
    learners = NuisanceModel.parse(nuisance);
    Files.createDirectories(out);
    Path csv = out.resolve("bench_n" + rows + "_p" + covariates + ".csv");
    Generated world = generate(csv);
    List<String> covariateNames = new ArrayList<>();
    for (int j = 0; j < covariates; j++) {
      covariateNames.add("W" + j);
    }
    CausalAnalysis engine = new CausalAnalysis();
    Estimand target = Estimand.parse(estimand);
    for (int i = 0; i < warmup; i++) {
      engine.run(world.head(), options(target, chosen));
    }
    long t0 = System.nanoTime();
    CausalData data =
        new DesignSpec(csv, "v0", "y", covariateNames, List.of("Z0", "Z1"), null, null).load().data();
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    long readLive = PeakMemory.liveHeapBytes();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, EffectEstimate> estimates = new LinkedHashMap<>();
    for (Method m : Method.values()) {
      if (!chosen.contains(m)) {
        continue;
      }
      long start = System.nanoTime();
      AnalysisReport report = engine.run(data, options(target, EnumSet.of(m)));
      seconds.put(m.label(), (System.nanoTime() - start) / 1e9);
      report.results().forEach(e -> estimates.putIfAbsent(e.method().label(), e));
    }
    long start = System.nanoTime();
    engine.run(data, options(target, chosen));
    double all = (System.nanoTime() - start) / 1e9;
    Runtime rt = Runtime.getRuntime();
    stdout.printf(Locale.ROOT, "bench estimate: n=%d covariates=%d estimand=%s file=%s%n", rows, covariates, estimand,
        csv);
    stdout.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, Java %s%n", rt.availableProcessors(),
        rt.maxMemory() >> 20, System.getProperty("java.version"));
    stdout.printf(Locale.ROOT, "%-22s %9.3f s%n", "read+encode CSV", readSeconds);
    for (Map.Entry<String, Double> e : seconds.entrySet()) {
      EffectEstimate est = estimates.get(e.getKey());
      stdout.printf(Locale.ROOT, "%-22s %9.3f s   estimate %.4f (se %.4f; truth %.1f)%n", e.getKey(), e.getValue(),
          est == null ? Double.NaN : est.estimate(), est == null ? Double.NaN : est.se(), world.trueEffect());
    }
    stdout.printf(Locale.ROOT, "%-22s %9.3f s%n", "all methods, one run", all);
    long rss = PeakMemory.residentBytes();
    stdout.printf(Locale.ROOT, "memory: max heap %d MiB, data after reading %d MiB, peak RSS %s%n",
        rt.maxMemory() >> 20, readLive >> 20, rss < 0 ? "unknown" : (rss >> 20) + " MiB");
    stdout.printf(Locale.ROOT, "BENCH n=%d p=%d read=%.3f %s all=%.3f heap_max_mib=%d read_live_mib=%d rss_mib=%d%n",
        rows, covariates, readSeconds,
        seconds.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey(), e.getValue()))
            .reduce((a, b) -> a + " " + b).orElse(""), all, rt.maxMemory() >> 20, readLive >> 20,
        rss < 0 ? -1 : rss >> 20);
  }

  /** What the run keeps of the generated world: the full table lives only in the CSV while it is read. */
  private record Generated(CausalData head, double trueEffect) {}

  /** Writes the world to the CSV and keeps its first 10,000 rows for the warm-up. */
  private Generated generate(Path csv) throws IOException {
    LinearWorld world = LinearWorld.generate(1.0, covariates, 2, rows, seed);
    write(world, csv);
    int slice = Math.min(rows, 10_000);
    int[] head = new int[slice];
    for (int i = 0; i < slice; i++) {
      head[i] = i;
    }
    return new Generated(world.data().subset(head), world.trueEffect());
  }

  private AnalysisOptions options(Estimand target, Set<Method> methods) {
    return new AnalysisOptions(target, methods, seed, false, NuisanceOptions.withModel(learners));
  }

  private static void write(LinearWorld world, Path csv) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(String.join(",", world.columns()));
      w.write('\n');
      double[][] table = world.table();
      int n = table[0].length;
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        line.setLength(0);
        for (int j = 0; j < table.length; j++) {
          if (j > 0) {
            line.append(',');
          }
          double v = table[j][i];
          if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            line.append((long) v);
          } else {
            line.append((float) v);
          }
        }
        line.append('\n');
        w.append(line);
      }
    }
  }
}
