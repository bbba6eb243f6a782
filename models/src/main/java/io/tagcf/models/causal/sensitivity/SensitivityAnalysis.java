package io.tagcf.models.causal.sensitivity;

import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.regression.GlmFamily;

/**
 * The sensitivity of an estimate to unobserved confounding, run on every estimate of an analysis.
 *
 * <p>E-value: an effect on a probability becomes a risk ratio RR = (p0 + effect) / p0, with the
 * baseline p0 the outcome mean the effect is compared with: the treated rows' mean minus the
 * effect for the ATT (their mean had they not been treated), the control rows' mean for the ATE
 * (a simplification: the population's untreated mean is not observed, and under confounding the
 * control mean is only an approximation of it). Robustness value: from the estimate's t = effect /
 * se with n - k - 1 residual degrees of freedom, k the columns of the outcome model.
 */
public final class SensitivityAnalysis {

  /** The significance level of RV_q,alpha. */
  public static final double ALPHA = 0.05;

  private final PreparedData data;
  private final double treatedMean;
  private final double controlMean;

  private SensitivityAnalysis(PreparedData data) {
    this.data = data;
    this.treatedMean = armMean(data, 1.0);
    this.controlMean = armMean(data, 0.0);
  }

  /** The analysis of one data set; the arm means every E-value starts from are read once. */
  public static SensitivityAnalysis on(PreparedData data) {
    return new SensitivityAnalysis(data);
  }

  public Sensitivity of(EffectEstimate e) {
    Double eValue = null;
    Double eValueCi = null;
    Double riskRatio = null;
    double p0 = e.estimand() == Estimand.ATT ? treatedMean - e.estimate() : controlMean;
    if (data.outcomeFamily() == GlmFamily.BINOMIAL && p0 > 0 && p0 + e.estimate() > 0) {
      riskRatio = (p0 + e.estimate()) / p0;
      eValue = EValue.ofRiskRatio(riskRatio);
      eValueCi = EValue.ofInterval((p0 + e.ciLow()) / p0, (p0 + e.ciHigh()) / p0);
    }
    Double rv = null;
    Double rvAlpha = null;
    double df = data.size() - data.design().cols() - 1;
    if (e.method() == Method.RA && e.se() > 0 && df > 1) {
      double t = e.estimate() / e.se();
      rv = RobustnessValue.of(t, df, 1.0);
      rvAlpha = RobustnessValue.ofSignificance(t, df, 1.0, ALPHA);
    }
    return new Sensitivity(e.method(), eValue, eValueCi, riskRatio, rv, rvAlpha);
  }

  private static double armMean(PreparedData data, double arm) {
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] == arm) {
        sum += w[i] * y[i];
        weight += w[i];
      }
    }
    return sum / weight;
  }
}
