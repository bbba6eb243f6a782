package io.tagcf.models.causal.diagnostics;

/**
 * Standardised mean difference of one covariate: (treated mean - control mean) / pooled SD, with
 * the pooled SD of the unadjusted sample as the yardstick before and after adjustment. |SMD| above
 * 0.1 is the usual sign of residual imbalance.
 *
 * @param smdWeighted after inverse probability weighting (null when no propensity was fitted)
 * @param smdMatched in the propensity-matched sample (null when PSM was not run)
 */
public record CovariateBalance(String covariate, double smdBefore, Double smdWeighted, Double smdMatched) {

  public static final double IMBALANCE = 0.1;

  /** SMD of one column under the given per-row weights; the yardstick SD is passed in. */
  public static double smd(double[] column, double[] treatment, double[] weights, double pooledSd) {
    double s1 = 0;
    double w1 = 0;
    double s0 = 0;
    double w0 = 0;
    for (int i = 0; i < column.length; i++) {
      if (treatment[i] == 1.0) {
        s1 += weights[i] * column[i];
        w1 += weights[i];
      } else {
        s0 += weights[i] * column[i];
        w0 += weights[i];
      }
    }
    if (w1 <= 0 || w0 <= 0) {
      return 0.0;
    }
    double diff = s1 / w1 - s0 / w0;
    return pooledSd > 0 ? diff / pooledSd : 0.0;
  }

  /** sqrt((var_treated + var_control) / 2) under the row weights. */
  public static double pooledSd(double[] column, double[] treatment, double[] weights) {
    double[] mean = new double[2];
    double[] total = new double[2];
    for (int i = 0; i < column.length; i++) {
      int a = treatment[i] == 1.0 ? 1 : 0;
      mean[a] += weights[i] * column[i];
      total[a] += weights[i];
    }
    double[] var = new double[2];
    for (int a = 0; a < 2; a++) {
      mean[a] = total[a] > 0 ? mean[a] / total[a] : 0;
    }
    for (int i = 0; i < column.length; i++) {
      int a = treatment[i] == 1.0 ? 1 : 0;
      double d = column[i] - mean[a];
      var[a] += weights[i] * d * d;
    }
    for (int a = 0; a < 2; a++) {
      var[a] = total[a] > 0 ? var[a] / total[a] : 0;
    }
    return Math.sqrt((var[0] + var[1]) / 2);
  }
}
