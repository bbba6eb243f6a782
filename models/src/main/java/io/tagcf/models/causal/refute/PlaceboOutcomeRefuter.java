package io.tagcf.models.causal.refute;

import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Re-estimates with the analyst's placebo outcome (one the treatment cannot affect, such as an
 * outcome measured before treatment) in place of the real one. It passes when the placebo effect's
 * 95% interval contains 0; a clear placebo effect points to confounding the covariates missed.
 */
public final class PlaceboOutcomeRefuter implements Refuter {
  @Override
  public String name() {
    return "placebo_outcome";
  }

  @Override
  public boolean applies(EffectEstimator estimator, CausalData data) {
    return data.placeboOutcome() != null;
  }

  @Override
  public List<Refutation> refute(
      CausalData data, AnalysisOptions options, EffectEstimator estimator, Estimation originals) {
    CausalData changed = data.withOutcome(data.placeboOutcome());
    Estimation rerun = Refuter.rerun(changed, options, estimator);
    List<Refutation> out = new ArrayList<>();
    for (EffectEstimate original : originals.estimates()) {
      EffectEstimate placebo = rerun.estimate(original.method());
      boolean passed = placebo.covers(0.0);
      out.add(new Refutation(name(), original.method(), original.estimate(), placebo.estimate(), placebo.se(), passed,
          String.format(Locale.ROOT, "placebo outcome: estimate %.4g, 95%% CI [%.4g, %.4g] %s 0",
              placebo.estimate(), placebo.ciLow(), placebo.ciHigh(), passed ? "contains" : "excludes")));
    }
    return out;
  }
}
