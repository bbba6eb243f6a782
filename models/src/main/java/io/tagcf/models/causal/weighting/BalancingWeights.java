package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.Estimand;

/**
 * The one definition of the inverse-probability balancing weights, used by IPW, AIPW and the
 * balance table. With e the bounded propensity of row i ({@link ClippedPropensity}) and w its row
 * weight, the unit weight is w h, where the per-estimand factor h is
 *
 * <pre>
 *   ATE: h = 1 / e (treated),  1 / (1 - e) (control)
 *   ATT: h = 1     (treated),  e / (1 - e) (control)
 * </pre>
 *
 * which makes the weighted control (and, for the ATE, treated) covariate distribution match the
 * target population's (Hirano, Imbens and Ridder 2003; in the notation of Li, Morgan and Zaslavsky
 * 2018, the tilting function is 1 for the ATE and e for the ATT). Trimmed rows have no weight.
 */
public final class BalancingWeights {
  private final Estimand estimand;
  private final double[] treatment;
  private final double[] rowWeights;
  private final ClippedPropensity propensity;

  private BalancingWeights(Estimand estimand, double[] treatment, double[] rowWeights, ClippedPropensity propensity) {
    this.estimand = estimand;
    this.treatment = treatment;
    this.rowWeights = rowWeights;
    this.propensity = propensity;
  }

  /**
   * @param rawPropensity fitted P(T = 1 | X) per row, before bounding
   * @param treatment 0/1 per row
   * @param rowWeights sampling weight per row
   */
  public static BalancingWeights of(
      double[] rawPropensity, double[] treatment, double[] rowWeights, Estimand estimand, WeightingOptions options) {
    return new BalancingWeights(
        estimand, treatment, rowWeights, ClippedPropensity.of(rawPropensity, treatment, rowWeights, options, estimand));
  }

  /** The bounded propensities, which rows were kept, and the share of weight affected. */
  public ClippedPropensity propensity() {
    return propensity;
  }

  public boolean kept(int i) {
    return propensity.kept()[i];
  }

  /**
   * v h_i. Reciprocal factors are applied as quotients: v / e rounds once where v * (1 / e)
   * rounds twice.
   */
  public double weigh(int i, double v) {
    double e = propensity.scores()[i];
    boolean treated = treatment[i] == 1.0;
    if (estimand == Estimand.ATE) {
      return treated ? v / e : v / (1 - e);
    }
    return treated ? v : v * (e / (1 - e));
  }

  /** The factor h_i itself (without the row weight). */
  public double factor(int i) {
    return weigh(i, 1.0);
  }

  /**
   * dh_i / d eta_i, where eta is the logit of the propensity (so de / d eta = e (1 - e)):
   * -(1 - e) / e for ATE-treated rows, e / (1 - e) for control rows under both estimands, 0 for
   * ATT-treated rows. It is 0 where the propensity was clipped or the row trimmed, since the
   * bound does not move with the propensity model. IPW's stacked standard error needs it.
   */
  public double logitDerivative(int i) {
    if (propensity.moved()[i]) {
      return 0.0;
    }
    double e = propensity.scores()[i];
    if (treatment[i] == 1.0) {
      return estimand == Estimand.ATE ? -(1 - e) / e : 0.0;
    }
    return e / (1 - e);
  }

  /** w_i h_i per row; 0 for trimmed rows. */
  public double[] unitWeights() {
    double[] out = new double[treatment.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = kept(i) ? rowWeights[i] * factor(i) : 0.0;
    }
    return out;
  }
}
