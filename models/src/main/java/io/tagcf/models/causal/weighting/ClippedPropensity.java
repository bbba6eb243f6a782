package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.Estimand;
import java.util.Locale;
import java.util.Map;

/**
 * Propensities bounded where the estimand's weights can explode (clipping), or the rows there
 * removed (trimming), with the weighted share of rows affected, which every weighting estimate
 * reports.
 *
 * <p>Where weights explode depends on the estimand ({@link BalancingWeights}). The ATE weighs
 * treated rows by 1/e and control rows by 1/(1 - e), so both ends are bounded: e is kept inside
 * [c, 1 - c]. The ATT weighs treated rows by 1 and control rows by e/(1 - e), which explodes only
 * as e approaches 1; a control row with a tiny propensity is one unlike any treated row and should
 * weigh almost nothing. Raising it to c would give thousands of such rows the weight c/(1 - c)
 * (on the NSW-CPS benchmark it moved the IPW ATT to the wrong side of zero), so under the ATT only
 * e &gt; 1 - c is bounded.
 *
 * @param scores bounded propensities
 * @param kept false for trimmed rows
 * @param moved true where the propensity was clipped or the row trimmed
 * @param affectedTreated treated rows clipped or trimmed
 * @param affectedControl control rows clipped or trimmed
 */
public record ClippedPropensity(
    double[] scores, boolean[] kept, boolean[] moved, double affectedShare, Estimand estimand, int affectedTreated,
    int affectedControl) {

  /** Keeps e and 1 - e away from 0 even without a bound: a weight must never divide by zero. */
  private static final double NUMERICAL_FLOOR = 1e-12;

  public static ClippedPropensity of(
      double[] raw, double[] treatment, double[] weights, WeightingOptions options, Estimand estimand) {
    double c = options.clip();
    double lower = estimand == Estimand.ATE ? c : 0.0;
    int n = raw.length;
    double[] scores = new double[n];
    boolean[] kept = new boolean[n];
    boolean[] moved = new boolean[n];
    double affected = 0;
    double total = 0;
    int affectedTreated = 0;
    int affectedControl = 0;
    for (int i = 0; i < n; i++) {
      double e = raw[i];
      total += weights[i];
      boolean outside = e < lower || e > 1 - c;
      moved[i] = outside;
      kept[i] = !(outside && options.trim() == PropensityTrim.TRIM);
      scores[i] = Math.min(Math.max(e, lower), 1 - c);
      scores[i] = Math.min(Math.max(scores[i], NUMERICAL_FLOOR), 1 - NUMERICAL_FLOOR);
      if (outside) {
        affected += weights[i];
        if (treatment[i] == 1.0) {
          affectedTreated++;
        } else {
          affectedControl++;
        }
      }
    }
    return new ClippedPropensity(
        scores, kept, moved, total > 0 ? affected / total : 0, estimand, affectedTreated, affectedControl);
  }

  /**
   * What the estimate did with the rows beyond the bound, in its details: the weighted share
   * ({@code clipped_share} or {@code trimmed_share}) and the rows of each arm
   * ({@code clipped_treated}, {@code clipped_control}, or the same with {@code trimmed_}).
   */
  public void describeIn(Map<String, Double> details, PropensityTrim trim) {
    details.put(trim.shareDetail(), affectedShare);
    details.put(trim.verb() + "_treated", (double) affectedTreated);
    details.put(trim.verb() + "_control", (double) affectedControl);
  }

  /**
   * The warning to attach, or null: whenever rows were trimmed (the estimate is then about the
   * rows left, not the population the estimand names), and when many rows were clipped.
   */
  public String warning(WeightingOptions options) {
    String band = estimand == Estimand.ATE
        ? String.format(Locale.ROOT, "outside [%.3g, %.3g]", options.clip(), 1 - options.clip())
        : String.format(Locale.ROOT, "above %.3g", 1 - options.clip());
    if (options.trim() == PropensityTrim.TRIM && affectedTreated + affectedControl > 0) {
      return String.format(Locale.ROOT,
          "trimmed %d treated and %d control rows with propensity %s (%.1f%% of the weight): the estimate is"
              + " about the rows left, not the whole %s population",
          affectedTreated, affectedControl, band, 100 * affectedShare,
          estimand == Estimand.ATE ? "sample" : "treated");
    }
    if (affectedShare <= 0.05) {
      return null;
    }
    return String.format(Locale.ROOT, "%.1f%% of the weight had propensity %s and was clipped: overlap is weak",
        100 * affectedShare, band);
  }
}
