package io.tagcf.models.causal.refute;

import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.PreparedData;
import java.util.List;

/** A falsification test: change the data in a way with a known consequence and re-estimate. */
public interface Refuter {
  String name();

  /** Whether the test makes sense for this estimator and data. */
  boolean applies(EffectEstimator estimator, CausalData data);

  /**
   * Re-estimates on changed data and judges each original estimate (IPW has two).
   *
   * @param originals what {@code estimator} produced on the unchanged data
   */
  List<Refutation> refute(CausalData data, AnalysisOptions options, EffectEstimator estimator, Estimation originals);

  /**
   * Runs the estimator on changed data. The changed data go through the same preparation, and the
   * estimator instance carries its own options, so only the data differ from the original run.
   */
  static Estimation rerun(CausalData changed, AnalysisOptions options, EffectEstimator estimator) {
    PreparedData prepared = PreparedData.prepare(changed, options.nuisance(), options.seed());
    return estimator.estimate(prepared, options.estimand());
  }
}
