package io.tagcf.models.causal.refute;

import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Replaces the treatment by a random permutation of itself. The placebo cannot cause anything, so
 * the re-estimate should be indistinguishable from zero: the test passes when its 95% interval
 * contains 0. Not applied to IV, whose permuted treatment no longer responds to the instrument.
 */
public final class PlaceboTreatmentRefuter implements Refuter {
  @Override
  public String name() {
    return "placebo_treatment";
  }

  @Override
  public boolean applies(EffectEstimator estimator, CausalData data) {
    return estimator.method() != Method.IV;
  }

  @Override
  public List<Refutation> refute(
      CausalData data, AnalysisOptions options, EffectEstimator estimator, Estimation originals) {
    double[] permuted = data.treatment().clone();
    SplittableRandom random = new SplittableRandom(options.seed() * 31 + 7);
    for (int i = permuted.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double tmp = permuted[i];
      permuted[i] = permuted[j];
      permuted[j] = tmp;
    }
    CausalData changed = data.withTreatment(permuted);
    List<Refutation> out = new ArrayList<>();
    Estimation rerun = Refuter.rerun(changed, options, estimator);
    for (EffectEstimate original : originals.estimates()) {
      EffectEstimate placebo = rerun.estimate(original.method());
      boolean passed = placebo.covers(0.0);
      out.add(new Refutation(name(), original.method(), original.estimate(), placebo.estimate(), placebo.se(), passed,
          String.format(Locale.ROOT, "permuted treatment: estimate %.4g, 95%% CI [%.4g, %.4g] %s 0",
              placebo.estimate(), placebo.ciLow(), placebo.ciHigh(), passed ? "contains" : "excludes")));
    }
    return out;
  }
}
