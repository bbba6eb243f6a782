package io.tagcf.bench;

import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.DifferenceInMeans;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.weighting.AipwOptions;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import io.tagcf.models.causal.weighting.PropensityTrim;
import io.tagcf.models.causal.weighting.WeightingOptions;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.SimulatedStudy;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.TagSegmentDesign;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.VideoSegmentStats;
import io.tagcf.models.simulation.World;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench simulation-sweep}: the robustness study behind docs/ESTIMATION.md. For each
 * seed it simulates a world with known effects and reports, over every tag x segment cell, the
 * acceptance metrics of the default estimator (AIPW): 95% coverage, the mean and spread of
 * z = (estimate - truth) / se, the median absolute error against the naive difference's, and how
 * often true-zero cells are rejected. SimulatedWorldAccuracyTest asserts the bars on one world;
 * this sweeps many.
 */
@Command(name = "simulation-sweep", mixinStandardHelpOptions = true,
    description = "Sweep simulated worlds with known effects and report AIPW's coverage and error per seed.")
final class SimulationSweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--seeds", split = ",", defaultValue = "1", paramLabel = "S[,S...]",
      description = "World seeds (default ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(names = "--outcome", defaultValue = "CLICK", paramLabel = "CLICK|COMPLETION|LIKE",
      description = "Outcome to estimate (default ${DEFAULT-VALUE}).")
  Outcome outcome;

  @Option(names = "--videos", defaultValue = "3000", description = "Videos per world (default ${DEFAULT-VALUE}).")
  int videos;

  @Option(names = "--users", defaultValue = "100000", description = "Users per world (default ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--exposures", defaultValue = "1500000", description = "Exposures per world (default ${DEFAULT-VALUE}).")
  long exposures;

  @Option(names = "--tags", defaultValue = "20", description = "Tags per world (default ${DEFAULT-VALUE}).")
  int tags;

  @Option(names = "--segments", defaultValue = "12", description = "Segments per world (default ${DEFAULT-VALUE}).")
  int segments;

  @Option(names = "--clip", defaultValue = "0.01", description = "Propensity clip (default ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--worst", description = "Also print every cell with |z| > 3.")
  boolean worst;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AugmentedIpw aipw =
        new AugmentedIpw(new AipwOptions(AipwOptions.DEFAULT_FOLDS, new WeightingOptions(clip, PropensityTrim.CLIP)));
    DifferenceInMeans naive = new DifferenceInMeans();
    for (long seed : seeds) {
      SimulationConfig config = new SimulationConfig(videos, users, exposures, tags, segments, seed);
      SimulatedStudy study = SimulatedStudy.simulate(config, Runtime.getRuntime().availableProcessors());
      World world = study.world();
      VideoSegmentStats stats = study.stats();
      TruthTable truth = study.truth();
      int cells = tags * segments;
      double[] z = new double[cells];
      double[] aipwError = new double[cells];
      double[] naiveError = new double[cells];
      boolean[] zero = new boolean[cells];
      boolean[] rejected = new boolean[cells];
      String[] worstLines = new String[cells];
      IntStream.range(0, cells).parallel().forEach(idx -> {
        int tag = idx / segments;
        int seg = idx % segments;
        CausalData data = TagSegmentDesign.build(world, stats, tag, seg).toCausalData(outcome);
        PreparedData d = PreparedData.prepare(data, NuisanceOptions.defaults(), idx);
        TruthTable.Row row = truth.row(tag, seg, outcome);
        EffectEstimate a = aipw.estimate(d, Estimand.ATE).primary();
        EffectEstimate n = naive.estimate(d, Estimand.ATE).primary();
        z[idx] = (a.estimate() - row.ate()) / a.se();
        if (worst && Math.abs(z[idx]) > 3) {
          worstLines[idx] = String.format(Locale.ROOT,
              "  worst: tag %d seg %d truth %.4f aipw %.4f se %.4f z %.1f naive %.4f n_t %d ess %.0f %s %s",
              tag, seg, row.ate(), a.estimate(), a.se(), z[idx], n.estimate(), a.nTreated(), a.ess(), a.details(),
              a.warnings());
        }
        aipwError[idx] = Math.abs(a.estimate() - row.ate());
        naiveError[idx] = Math.abs(n.estimate() - row.ate());
        zero[idx] = row.zeroEffect();
        rejected[idx] = a.significant();
      });
      Arrays.stream(worstLines).filter(l -> l != null).forEach(out::println);
      double mean = Arrays.stream(z).average().orElse(0);
      double sd = Math.sqrt(Arrays.stream(z).map(v -> (v - mean) * (v - mean)).average().orElse(0));
      double coverage = Arrays.stream(z).filter(v -> Math.abs(v) <= EffectEstimate.Z_95).count() / (double) cells;
      double ma = median(aipwError);
      double mn = median(naiveError);
      int nz = 0;
      int nr = 0;
      for (int i = 0; i < cells; i++) {
        if (zero[i]) {
          nz++;
          nr += rejected[i] ? 1 : 0;
        }
      }
      out.printf(Locale.ROOT, "%s seed %d: coverage %.1f%%, z mean %.2f sd %.2f, median |err| aipw %.4f naive %.4f "
              + "ratio %.2f, zero cells rejected %d/%d (%.1f%%)%n",
          outcome.label(), seed, 100 * coverage, mean, sd, ma, mn, ma / mn, nr, nz, nz == 0 ? 0 : 100.0 * nr / nz);
      out.flush();
    }
    return 0;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }
}
