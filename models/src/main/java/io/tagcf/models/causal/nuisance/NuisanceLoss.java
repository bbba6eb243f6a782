package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.regression.GlmFamily;

/**
 * The loss a nuisance prediction is judged by: the negative log-likelihood of the model family,
 * log loss for logistic targets (also for rates in [0, 1]) and squared error for linear ones.
 */
final class NuisanceLoss {
  /** Keeps log loss finite when a learner predicts exactly 0 or 1. */
  private static final double EPS = 1e-15;

  private NuisanceLoss() {}

  static String name(GlmFamily family) {
    return family == GlmFamily.BINOMIAL ? "log loss" : "squared error";
  }

  /** Weighted mean loss of {@code predicted} over the flagged rows. */
  static double mean(GlmFamily family, double[] target, double[] weights, boolean[] rows, double[] predicted) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < target.length; i++) {
      if (rows[i]) {
        sum += weights[i] * of(family, target[i], predicted[i]);
        total += weights[i];
      }
    }
    return total > 0 ? sum / total : 0;
  }

  static double of(GlmFamily family, double y, double prediction) {
    if (family == GlmFamily.GAUSSIAN) {
      double d = y - prediction;
      return d * d;
    }
    double p = Math.min(Math.max(prediction, EPS), 1 - EPS);
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  }
}
