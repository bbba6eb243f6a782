package io.tagcf.models.effects;

/**
 * A weighted mean and the variance of that mean with rows as the independent units:
 * sum a_i^2 (y_i - m)^2 / (sum a_i)^2, accumulated in one pass.
 */
final class WeightedMean {
  private double a;
  private double ay;
  private double a2;
  private double a2y;
  private double a2y2;

  void add(double weight, double y) {
    a += weight;
    ay += weight * y;
    double w2 = weight * weight;
    a2 += w2;
    a2y += w2 * y;
    a2y2 += w2 * y * y;
  }

  double weight() {
    return a;
  }

  double mean() {
    return ay / a;
  }

  double varianceOfMean() {
    double m = mean();
    double ss = a2y2 - 2 * m * a2y + m * m * a2;
    return Math.max(0, ss) / (a * a);
  }

  /** Kish's effective sample size of the weights. */
  double effectiveSize() {
    return a2 == 0 ? 0 : a * a / a2;
  }
}
