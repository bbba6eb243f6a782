package io.tagcf.models.causal;

import java.util.List;

/** One estimation method. Most return one estimate; IPW returns its Hájek and Horvitz-Thompson forms. */
public interface EffectEstimator {
  Method method();

  /**
   * Estimates the effect for the given estimand.
   *
   * @throws CausalInputException when the data cannot support this method
   */
  List<EffectEstimate> estimate(PreparedData data, Estimand estimand);
}
