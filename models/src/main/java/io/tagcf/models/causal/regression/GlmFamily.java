package io.tagcf.models.causal.regression;

/** Error distribution and link of a nuisance model. */
public enum GlmFamily {
  /** Linear regression (identity link). */
  GAUSSIAN,
  /** Logistic regression; also used for outcomes that are rates in [0, 1] (quasi-binomial). */
  BINOMIAL;

  public double mean(double eta) {
    return this == GAUSSIAN ? eta : Sigmoid.of(eta);
  }

  /** d mean / d eta. */
  public double meanDerivative(double eta) {
    if (this == GAUSSIAN) {
      return 1.0;
    }
    double p = Sigmoid.of(eta);
    return p * (1 - p);
  }

  /** Picks logistic for outcomes inside [0, 1] (binary or rates) and linear otherwise. */
  public static GlmFamily forOutcome(double[] y) {
    for (double v : y) {
      if (v < 0 || v > 1) {
        return GAUSSIAN;
      }
    }
    return BINOMIAL;
  }
}
