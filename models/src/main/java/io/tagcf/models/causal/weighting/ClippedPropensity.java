package io.tagcf.models.causal.weighting;

import java.util.Locale;

/**
 * Propensities bounded to [c, 1 - c] (clipping) or rows outside that band removed (trimming),
 * with the weighted share of rows affected, which every weighting estimate reports.
 *
 * @param scores bounded propensities
 * @param kept false for trimmed rows
 * @param moved true where the propensity was clipped or the row trimmed
 */
public record ClippedPropensity(double[] scores, boolean[] kept, boolean[] moved, double affectedShare) {

  public static ClippedPropensity of(double[] raw, double[] weights, WeightingOptions options) {
    double c = options.clip();
    int n = raw.length;
    double[] scores = new double[n];
    boolean[] kept = new boolean[n];
    boolean[] moved = new boolean[n];
    double affected = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double e = raw[i];
      total += weights[i];
      boolean outside = e < c || e > 1 - c;
      moved[i] = outside;
      kept[i] = !(outside && options.trim() == PropensityTrim.TRIM);
      scores[i] = Math.min(Math.max(e, c), 1 - c);
      // Even with c = 0 a score of exactly 0 or 1 would divide by zero.
      scores[i] = Math.min(Math.max(scores[i], 1e-12), 1 - 1e-12);
      if (outside) {
        affected += weights[i];
      }
    }
    return new ClippedPropensity(scores, kept, moved, total > 0 ? affected / total : 0);
  }

  /** The warning to attach when many rows sit at the bounds, or null. */
  public String warning(WeightingOptions options) {
    if (affectedShare <= 0.05) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%.1f%% of the weight had propensity outside [%.3g, %.3g] and was %s: overlap is weak",
        100 * affectedShare, options.clip(), 1 - options.clip(), options.trim().verb());
  }
}
