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
 * Adds an independent standard-normal covariate. An estimate that rests on the right adjustment
 * should barely move: the test passes when the re-estimate stays within one standard error of the
 * original.
 */
public final class RandomCommonCauseRefuter implements Refuter {
  @Override
  public String name() {
    return "random_common_cause";
  }

  @Override
  public boolean applies(EffectEstimator estimator, CausalData data) {
    return true;
  }

  @Override
  public List<Refutation> refute(
      CausalData data, AnalysisOptions options, EffectEstimator estimator, Estimation originals) {
    SplittableRandom random = new SplittableRandom(options.seed() * 31 + 11);
    double[] noise = new double[data.size()];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextGaussian();
    }
    CausalData changed = data.withExtraCovariate("random_common_cause", noise);
    Estimation rerun = Refuter.rerun(changed, options, estimator);
    List<Refutation> out = new ArrayList<>();
    for (EffectEstimate original : originals.estimates()) {
      EffectEstimate again = rerun.estimate(original.method());
      double shift = again.estimate() - original.estimate();
      boolean passed = Math.abs(shift) <= original.se();
      out.add(new Refutation(name(), original.method(), original.estimate(), again.estimate(), again.se(), passed,
          String.format(Locale.ROOT, "added a random covariate: estimate moved by %.4g (%.2f SE; pass if <= 1 SE)",
              shift, original.se() > 0 ? Math.abs(shift) / original.se() : 0.0)));
    }
    return out;
  }
}
