package io.tagcf.models.causal;

/** Kish's effective sample size (sum w)^2 / sum w^2 of a set of weights. */
public final class EffectiveSampleSize {
  private double sum;
  private double sumSquares;

  public void add(double weight) {
    sum += weight;
    sumSquares += weight * weight;
  }

  public double value() {
    return sumSquares > 0 ? sum * sum / sumSquares : 0.0;
  }

  public static double of(double[] weights) {
    EffectiveSampleSize e = new EffectiveSampleSize();
    for (double w : weights) {
      e.add(w);
    }
    return e.value();
  }
}
