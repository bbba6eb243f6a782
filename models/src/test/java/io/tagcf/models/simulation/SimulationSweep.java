package io.tagcf.models.simulation;

import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.DifferenceInMeans;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.EstimationOptions;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Robustness study behind docs/ESTIMATION.md, not part of the default build: the acceptance
 * metrics over many simulated worlds. Run with
 * {@code mvn -pl models test -Dtest=SimulationSweep -Dsweep=true -DargLine="-Dseeds=1,2,3 -Doutcome=CLICK"}
 * (optional: -Dv=videos -Dt=tags -Ds=segments -De=exposures).
 */
@EnabledIfSystemProperty(named = "sweep", matches = "true")
class SimulationSweep {
  @Test
  void sweep() {
    int videos = Integer.getInteger("v", 3000);
    int tags = Integer.getInteger("t", 20);
    int segs = Integer.getInteger("s", 12);
    long exposures = Long.getLong("e", 1_500_000L);
    Outcome outcome = Outcome.valueOf(System.getProperty("outcome", "CLICK"));
    for (String seedText : System.getProperty("seeds", "1").split(",")) {
      long seed = Long.parseLong(seedText.trim());
      SimulationConfig config = new SimulationConfig(videos, Integer.getInteger("u", 100_000), exposures, tags, segs, seed);
      World world = WorldBuilder.build(config);
      VideoSegmentStats stats = new VideoSegmentStats(world);
      TruthTable truth = new TruthTable(world);
      new ExposureSimulator(world).run(b -> {
        stats.accept(b);
        truth.accept(b);
      }, 2, null);
      int cells = tags * segs;
      double[] z = new double[cells];
      double[] aipwError = new double[cells];
      double[] naiveError = new double[cells];
      boolean[] zero = new boolean[cells];
      boolean[] rejected = new boolean[cells];
      IntStream.range(0, cells).parallel().forEach(idx -> {
        int tag = idx / segs;
        int seg = idx % segs;
        CausalData data = TagSegmentDesign.build(world, stats, tag, seg).toCausalData(outcome);
        PreparedData d = PreparedData.prepare(data, EstimationOptions.defaults().withSeed(idx).withClip(Double.parseDouble(System.getProperty("clip", "0.01")), io.tagcf.models.causal.EstimationOptions.PropensityTrim.CLIP));
        TruthTable.Row row = truth.row(tag, seg, outcome);
        EffectEstimate a = new AugmentedIpw().estimate(d, Estimand.ATE).get(0);
        EffectEstimate n = new DifferenceInMeans().estimate(d, Estimand.ATE).get(0);
        z[idx] = (a.estimate() - row.ate()) / a.se();
        if (Boolean.getBoolean("worst") && Math.abs(z[idx]) > 3) {
          System.out.printf("  worst: tag %d seg %d truth %.4f aipw %.4f se %.4f z %.1f naive %.4f n_t %d ess %.0f %s %s%n",
              tag, seg, row.ate(), a.estimate(), a.se(), z[idx], n.estimate(), a.nTreated(), a.ess(), a.details(),
              a.warnings());
        }
        aipwError[idx] = Math.abs(a.estimate() - row.ate());
        naiveError[idx] = Math.abs(n.estimate() - row.ate());
        zero[idx] = row.zeroEffect();
        rejected[idx] = a.significant();
      });
      double mean = Arrays.stream(z).average().orElse(0);
      double sd = Math.sqrt(Arrays.stream(z).map(v -> (v - mean) * (v - mean)).average().orElse(0));
      double coverage = Arrays.stream(z).filter(v -> Math.abs(v) <= EffectEstimate.Z_95).count() / (double) cells;
      double ma = SimulatedWorldAccuracyTest.median(Arrays.stream(aipwError).boxed().toList());
      double mn = SimulatedWorldAccuracyTest.median(Arrays.stream(naiveError).boxed().toList());
      int nz = 0;
      int nr = 0;
      for (int i = 0; i < cells; i++) {
        if (zero[i]) {
          nz++;
          nr += rejected[i] ? 1 : 0;
        }
      }
      System.out.printf("%s seed %d: coverage %.1f%%, z mean %.2f sd %.2f, median |err| aipw %.4f naive %.4f "
              + "ratio %.2f, zero cells rejected %d/%d (%.1f%%)%n",
          outcome.label(), seed, 100 * coverage, mean, sd, ma, mn, ma / mn, nr, nz, 100.0 * nr / nz);
    }
  }
}
