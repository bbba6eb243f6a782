package io.tagcf.models.causal;

/**
 * One estimation method. An estimator owns its parameters (it is constructed with its options
 * record, as in DoWhy), so running the same instance on changed data, as the refuters do, repeats
 * the estimation with the same settings.
 */
public interface EffectEstimator {
  Method method();

  /**
   * Estimates the effect for the given estimand.
   *
   * @throws CausalInputException when the data cannot support this method
   */
  Estimation estimate(PreparedData data, Estimand estimand);
}
