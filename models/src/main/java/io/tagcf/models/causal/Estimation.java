package io.tagcf.models.causal;

import java.util.List;
import java.util.Optional;

/**
 * What one estimator produced on one data set: its estimates (one, or IPW's Hájek and
 * Horvitz-Thompson forms) and, for estimators that reweight or match rows, each row's weight in
 * the weighted or matched sample (the weights a balance table is computed with).
 *
 * @param estimates the estimator's own method first, then its reported variants
 * @param unitWeights per row, in data order; 0 for rows outside the sample (unmatched, trimmed).
 *     Not copied.
 */
public record Estimation(List<EffectEstimate> estimates, Optional<double[]> unitWeights) {

  public Estimation {
    estimates = List.copyOf(estimates);
    if (estimates.isEmpty()) {
      throw new IllegalArgumentException("an estimation has at least one estimate");
    }
    if (unitWeights == null) {
      throw new IllegalArgumentException("unitWeights must be present or empty, not null");
    }
  }

  /** One estimate, no unit weights (difference in means, regression, AIPW, IV). */
  public static Estimation of(EffectEstimate estimate) {
    return new Estimation(List.of(estimate), Optional.empty());
  }

  /** Estimates of a weighting or matching estimator with the per-row weights it used. */
  public static Estimation weighted(List<EffectEstimate> estimates, double[] unitWeights) {
    return new Estimation(estimates, Optional.of(unitWeights));
  }

  /** The estimate of the estimator's own method (for IPW, the Hájek form). */
  public EffectEstimate primary() {
    return estimates.get(0);
  }

  /** The estimate reported under the given method. */
  public EffectEstimate estimate(Method method) {
    for (EffectEstimate e : estimates) {
      if (e.method() == method) {
        return e;
      }
    }
    throw new IllegalArgumentException("no " + method.label() + " estimate in this estimation");
  }
}
