package io.tagcf.models.causal.regression;

/** The logistic function and its logs, written to stay finite for any argument. */
public final class Sigmoid {
  private Sigmoid() {}

  public static double of(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** log(1 + exp(x)) without overflow. */
  public static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  public static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
