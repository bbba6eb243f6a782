package io.tagcf.models.causal;

import io.tagcf.models.causal.matching.NnmOptions;
import io.tagcf.models.causal.matching.PsmOptions;
import io.tagcf.models.causal.weighting.AipwOptions;
import io.tagcf.models.causal.weighting.WeightingOptions;

/**
 * The parameters of the estimators that have any, one record each, from which
 * {@link CausalAnalysis} builds its estimators. Difference in means, regression adjustment and IV
 * take none beyond the shared {@link NuisanceOptions}.
 *
 * @param ipw IPW's propensity bounds; the balance table's weighted column uses the same band
 */
public record MethodOptions(WeightingOptions ipw, AipwOptions aipw, PsmOptions psm, NnmOptions nnm) {

  public MethodOptions {
    if (ipw == null || aipw == null || psm == null || nnm == null) {
      throw new IllegalArgumentException("every estimator's options must be given (use their defaults())");
    }
  }

  public static MethodOptions defaults() {
    return new MethodOptions(
        WeightingOptions.defaults(), AipwOptions.defaults(), PsmOptions.defaults(), NnmOptions.defaults());
  }
}
