package io.tagcf.models.causal;

import io.tagcf.models.causal.regression.FeatureExpansion;
import io.tagcf.models.causal.regression.PenalizedGlm;

/**
 * How {@link PreparedData} builds the nuisance models every estimator shares (propensity score,
 * outcome regressions): their penalty and the covariate expansion of their design.
 *
 * @param lambda L2 penalty of the nuisance models (mean-loss scale, on standardised covariates)
 * @param expansion pairwise interactions or restricted cubic splines of the covariates, or none
 */
public record NuisanceOptions(double lambda, FeatureExpansion expansion) {

  public NuisanceOptions {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be > 0");
    }
    if (expansion == null) {
      throw new IllegalArgumentException("expansion must be given (FeatureExpansion.NONE for none)");
    }
  }

  /** Penalty 1e-4 (see {@link PenalizedGlm#DEFAULT_LAMBDA}), covariates as given. */
  public static NuisanceOptions defaults() {
    return new NuisanceOptions(PenalizedGlm.DEFAULT_LAMBDA, FeatureExpansion.NONE);
  }
}
