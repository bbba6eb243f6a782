package io.tagcf.models.causal.sensitivity;

/**
 * The E-value of VanderWeele and Ding (2017, Annals of Internal Medicine 167:268-274): the minimum
 * strength of association, on the risk-ratio scale, that an unmeasured confounder would need with
 * both the treatment and the outcome, conditional on the measured covariates, to fully explain
 * away an observed risk ratio RR:
 *
 * <pre>
 *   E = RR + sqrt(RR (RR - 1))      for RR &gt;= 1 (for RR &lt; 1, use 1 / RR)
 * </pre>
 *
 * For a confidence interval, the E-value of the limit closest to 1, or 1 when the interval
 * contains 1 (no confounding at all is needed to move it to the null).
 */
public final class EValue {

  private EValue() {}

  /**
   * @throws IllegalArgumentException unless {@code riskRatio} is finite and positive
   */
  public static double ofRiskRatio(double riskRatio) {
    if (!(riskRatio > 0) || Double.isInfinite(riskRatio)) {
      throw new IllegalArgumentException("a risk ratio must be finite and positive, got " + riskRatio);
    }
    double rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
    return rr + Math.sqrt(rr * (rr - 1));
  }

  /** The E-value of the interval [low, high] of a risk ratio: its limit closest to 1, or 1. */
  public static double ofInterval(double low, double high) {
    if (low <= 1 && high >= 1) {
      return 1.0;
    }
    return ofRiskRatio(low > 1 ? low : high);
  }
}
