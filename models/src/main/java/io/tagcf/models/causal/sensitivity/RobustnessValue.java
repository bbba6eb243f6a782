package io.tagcf.models.causal.sensitivity;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The robustness value of Cinelli and Hazlett (2020, "Making sense of sensitivity", JRSS B
 * 82:39-67): the share of the residual variance of both the treatment and the outcome that an
 * unobserved confounder would have to explain (its partial R², the same for both) to bring a
 * regression estimate to zero (RV_q with q = 1), or to make it no longer significant at level
 * alpha (RV_q,alpha). With t the estimate's t-statistic and df its residual degrees of freedom:
 *
 * <pre>
 *   f = q |t| / sqrt(df)                      (the partial Cohen's f of the treatment, scaled by q)
 *   RV_q = (sqrt(f^4 + 4 f^2) - f^2) / 2
 *   RV_q,alpha: the same with f - |t*_(alpha/2, df - 1)| / sqrt(df - 1) in place of f, 0 when negative
 * </pre>
 *
 * as in the authors' sensemakr package. It is exact for a linear regression coefficient; the
 * platform reports it for regression adjustment.
 */
public final class RobustnessValue {

  private RobustnessValue() {}

  /** RV_q: the confounder strength that would move the estimate {@code q} of the way to zero. */
  public static double of(double t, double df, double q) {
    check(t, df, q);
    return fromF(q * Math.abs(t) / Math.sqrt(df));
  }

  /** RV_q,alpha: the strength that would make the estimate no longer significant at {@code alpha}. */
  public static double ofSignificance(double t, double df, double q, double alpha) {
    check(t, df, q);
    if (!(alpha > 0 && alpha < 1) || df <= 1) {
      throw new IllegalArgumentException("need 0 < alpha < 1 and df > 1");
    }
    double critical = Math.abs(new TDistribution(df - 1).inverseCumulativeProbability(alpha / 2)) / Math.sqrt(df - 1);
    double f = q * Math.abs(t) / Math.sqrt(df) - critical;
    return f <= 0 ? 0.0 : fromF(f);
  }

  private static double fromF(double f) {
    return 0.5 * (Math.sqrt(f * f * f * f + 4 * f * f) - f * f);
  }

  private static void check(double t, double df, double q) {
    if (!Double.isFinite(t) || !(df > 0) || !(q > 0)) {
      throw new IllegalArgumentException("need a finite t, df > 0 and q > 0");
    }
  }
}
