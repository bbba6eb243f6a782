package io.tagcf.models.causal.diagnostics;

import java.util.Arrays;

/** Seven-number summary of a distribution (min, 5%, 25%, median, 75%, 95%, max). */
public record Quantiles(double min, double p05, double p25, double median, double p75, double p95, double max) {

  public static Quantiles of(double[] values) {
    if (values.length == 0) {
      return new Quantiles(0, 0, 0, 0, 0, 0, 0);
    }
    double[] s = values.clone();
    Arrays.sort(s);
    return new Quantiles(s[0], at(s, 0.05), at(s, 0.25), at(s, 0.5), at(s, 0.75), at(s, 0.95), s[s.length - 1]);
  }

  /** Linear interpolation between order statistics (R's type 7). */
  private static double at(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
