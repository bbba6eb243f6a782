package io.tagcf.models.effects;

/** A point estimate with its standard error and normal 95% interval. */
public record Estimate(double estimate, double se, double ciLow, double ciHigh) {
  static final double Z95 = 1.959963984540054;

  public static Estimate of(double estimate, double se) {
    return new Estimate(estimate, se, estimate - Z95 * se, estimate + Z95 * se);
  }

  /** Whether the 95% interval excludes zero. */
  public boolean significant() {
    return ciLow > 0 || ciHigh < 0;
  }
}
