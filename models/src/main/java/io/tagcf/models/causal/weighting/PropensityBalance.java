package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.nuisance.SelectionCriterion;

/**
 * Scores a propensity model by the covariate balance its weights achieve: the mean absolute
 * standardised mean difference of the covariates under the estimand's balancing weights. This is
 * what the propensity is for in a weighting estimator, and the criterion by which McCaffrey,
 * Ridgeway and Morral (2004) tune boosted propensity models; log loss, by contrast, is dominated by
 * the many rows whose propensity is near 0 and matter little to the effect.
 */
final class PropensityBalance implements SelectionCriterion {
  private final double[][] covariates;
  private final double[] treatment;
  private final double[] weights;
  private final Estimand estimand;
  private final WeightingOptions weighting;
  private final double[] pooledSds;

  PropensityBalance(
      double[][] covariates, double[] treatment, double[] weights, Estimand estimand, WeightingOptions weighting) {
    this.covariates = covariates;
    this.treatment = treatment;
    this.weights = weights;
    this.estimand = estimand;
    this.weighting = weighting;
    this.pooledSds = new double[covariates.length];
    for (int j = 0; j < covariates.length; j++) {
      pooledSds[j] = CovariateBalance.pooledSd(covariates[j], treatment, weights);
    }
  }

  @Override
  public String name() {
    return "mean |SMD| after " + estimand.label() + " weighting";
  }

  @Override
  public double score(double[] propensity) {
    double[] unit = BalancingWeights.of(propensity, treatment, weights, estimand, weighting).unitWeights();
    if (covariates.length == 0) {
      return 0;
    }
    double sum = 0;
    for (int j = 0; j < covariates.length; j++) {
      sum += Math.abs(CovariateBalance.smd(covariates[j], treatment, unit, pooledSds[j]));
    }
    return sum / covariates.length;
  }
}
