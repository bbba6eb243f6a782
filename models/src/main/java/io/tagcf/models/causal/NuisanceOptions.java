package io.tagcf.models.causal;

import io.tagcf.models.causal.nuisance.BoostOptions;
import io.tagcf.models.causal.nuisance.NuisanceModel;
import io.tagcf.models.causal.regression.FeatureExpansion;
import io.tagcf.models.causal.regression.PenalizedGlm;

/**
 * How the nuisance models every estimator shares (propensity score, outcome regressions) are built.
 * The full-sample models of regression adjustment, IPW and matching are penalised GLMs; the
 * cross-fitted models of AIPW use the learners {@code model} names.
 *
 * @param lambda L2 penalty of the GLMs (mean-loss scale, on standardised covariates)
 * @param expansion pairwise interactions or restricted cubic splines of the covariates, or none
 * @param model the learners of the cross-fitted nuisance models: GLM, boosted trees, or the
 *     cross-validated combination of both
 * @param boost parameters of the boosted trees
 */
public record NuisanceOptions(double lambda, FeatureExpansion expansion, NuisanceModel model, BoostOptions boost) {

  public NuisanceOptions {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be > 0");
    }
    if (expansion == null) {
      throw new IllegalArgumentException("expansion must be given (FeatureExpansion.NONE for none)");
    }
    if (model == null) {
      throw new IllegalArgumentException("model must be given");
    }
    if (boost == null) {
      throw new IllegalArgumentException("boost options must be given");
    }
  }

  /** GLMs only, with the given penalty and expansion. */
  public NuisanceOptions(double lambda, FeatureExpansion expansion) {
    this(lambda, expansion, NuisanceModel.GLM, BoostOptions.defaults());
  }

  /**
   * Penalty 1e-4 (see {@link PenalizedGlm#DEFAULT_LAMBDA}), covariates as given, and the
   * cross-validated choice between GLM and boosted trees for the cross-fitted models.
   */
  public static NuisanceOptions defaults() {
    return withModel(NuisanceModel.AUTO);
  }

  /** The defaults with the given learners for the cross-fitted models. */
  public static NuisanceOptions withModel(NuisanceModel model) {
    return new NuisanceOptions(PenalizedGlm.DEFAULT_LAMBDA, FeatureExpansion.NONE, model, BoostOptions.defaults());
  }
}
