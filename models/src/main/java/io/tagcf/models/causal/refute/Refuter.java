package io.tagcf.models.causal.refute;

import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.EstimationOptions;
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
   * @param originals the estimates produced by {@code estimator} on the unchanged data
   */
  List<Refutation> refute(
      CausalData data, EstimationOptions options, EffectEstimator estimator, List<EffectEstimate> originals);

  /** Runs the estimator on changed data; the changed data go through the same preparation. */
  static List<EffectEstimate> rerun(CausalData changed, EstimationOptions options, EffectEstimator estimator,
      EffectEstimate original) {
    PreparedData prepared = PreparedData.prepare(changed, options);
    return estimator.estimate(prepared, original.estimand());
  }

  static EffectEstimate sameMethod(List<EffectEstimate> results, String method) {
    for (EffectEstimate e : results) {
      if (e.method().equals(method)) {
        return e;
      }
    }
    throw new IllegalStateException("refuter rerun lost method " + method);
  }
}
