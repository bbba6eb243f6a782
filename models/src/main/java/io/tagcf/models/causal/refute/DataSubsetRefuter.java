package io.tagcf.models.causal.refute;

import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Re-estimates on a random 80% of the rows. A stable estimate moves only by sampling noise: an 80%
 * subsample of the same rows differs from the full-sample estimate with standard deviation about
 * SE * sqrt(1/0.8 - 1) = SE / 2, so the test passes when the shift is within 1.96 of those.
 */
public final class DataSubsetRefuter implements Refuter {
  public static final double FRACTION = 0.8;

  @Override
  public String name() {
    return "data_subset";
  }

  @Override
  public boolean applies(EffectEstimator estimator, CausalData data) {
    return true;
  }

  @Override
  public List<Refutation> refute(
      CausalData data, AnalysisOptions options, EffectEstimator estimator, Estimation originals) {
    int n = data.size();
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    SplittableRandom random = new SplittableRandom(options.seed() * 31 + 13);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = rows[i];
      rows[i] = rows[j];
      rows[j] = tmp;
    }
    int keep = (int) Math.round(FRACTION * n);
    int[] subset = java.util.Arrays.copyOf(rows, keep);
    java.util.Arrays.sort(subset);
    Estimation rerun = Refuter.rerun(data.subset(subset), options, estimator);
    List<Refutation> out = new ArrayList<>();
    double wobble = Math.sqrt(1 / FRACTION - 1);
    for (EffectEstimate original : originals.estimates()) {
      EffectEstimate again = rerun.estimate(original.method());
      double shift = again.estimate() - original.estimate();
      double z = original.se() > 0 ? Math.abs(shift) / (original.se() * wobble) : 0.0;
      boolean passed = z <= EffectEstimate.Z_95;
      out.add(new Refutation(name(), original.method(), original.estimate(), again.estimate(), again.se(), passed,
          String.format(Locale.ROOT, "80%% subset: estimate moved by %.4g (z = %.2f against subsampling noise)",
              shift, z)));
    }
    return out;
  }
}
