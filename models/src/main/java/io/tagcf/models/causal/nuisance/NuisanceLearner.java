package io.tagcf.models.causal.nuisance;

/**
 * A regression learner for nuisance models. An instance serves one {@link NuisanceTask} across
 * the cross-fitting folds, so it may carry state from one fold's fit to the next (warm starts).
 */
public interface NuisanceLearner {

  /** The learner's name in reports ("glm", "boost"). */
  String name();

  /**
   * Fits on the {@code train} rows and returns the fitted mean (a probability for a logistic
   * family) for each of the {@code predict} rows, in their order.
   */
  double[] fitAndPredict(NuisanceTask task, int[] train, int[] predict);

  /** False once any fit stopped short of convergence (a GLM near separation). */
  default boolean converged() {
    return true;
  }
}
