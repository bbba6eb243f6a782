package io.tagcf.models.causal.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the treated and control propensity distributions overlap: their quantiles, the share
 * of rows with extreme scores, and plain-language warnings.
 *
 * @param extremeShare weighted share of rows with propensity below 0.01 or above 0.99
 * @param outsideTenNinetyShare weighted share outside [0.1, 0.9] (Crump et al.'s trimming rule)
 * @param outsideSupportTreated treated rows whose propensity lies outside the range of the control
 *     rows' propensities: no control row is comparable, so every estimate extrapolates for them
 * @param outsideSupportControl control rows outside the range of the treated rows' propensities
 */
public record OverlapSummary(
    Quantiles treated, Quantiles control, double extremeShare, double outsideTenNinetyShare,
    int outsideSupportTreated, int outsideSupportControl, List<String> warnings) {

  public static OverlapSummary of(double[] scores, double[] treatment, double[] weights) {
    int n1 = 0;
    for (double t : treatment) {
      if (t == 1.0) {
        n1++;
      }
    }
    double[] s1 = new double[n1];
    double[] s0 = new double[treatment.length - n1];
    int a = 0;
    int b = 0;
    double total = 0;
    double extreme = 0;
    double outside = 0;
    for (int i = 0; i < scores.length; i++) {
      if (treatment[i] == 1.0) {
        s1[a++] = scores[i];
      } else {
        s0[b++] = scores[i];
      }
      total += weights[i];
      if (scores[i] < 0.01 || scores[i] > 0.99) {
        extreme += weights[i];
      }
      if (scores[i] < 0.1 || scores[i] > 0.9) {
        outside += weights[i];
      }
    }
    Quantiles q1 = Quantiles.of(s1);
    Quantiles q0 = Quantiles.of(s0);
    int outsideTreated = 0;
    for (double e : s1) {
      outsideTreated += e < q0.min() || e > q0.max() ? 1 : 0;
    }
    int outsideControl = 0;
    for (double e : s0) {
      outsideControl += e < q1.min() || e > q1.max() ? 1 : 0;
    }
    List<String> warnings = new ArrayList<>();
    double extremeShare = extreme / total;
    if (extremeShare > 0.01) {
      warnings.add(String.format(Locale.ROOT,
          "%.1f%% of rows have propensity below 0.01 or above 0.99: weighting estimates lean on few rows",
          100 * extremeShare));
    }
    if (outsideTreated > 0) {
      warnings.add(String.format(Locale.ROOT,
          "%d of %d treated rows have a propensity outside the control rows' range (no comparable control):"
              + " every method extrapolates for them; weighting bounds them, matching finds them the nearest"
              + " control anyway (or none within the caliper)", outsideTreated, s1.length));
    }
    if (q1.p05() > q0.p95() || q0.p05() > q1.p95()) {
      warnings.add("the central 90% of treated and control propensities do not overlap: effects are extrapolated");
    }
    return new OverlapSummary(q1, q0, extremeShare, outside / total, outsideTreated, outsideControl, warnings);
  }
}
