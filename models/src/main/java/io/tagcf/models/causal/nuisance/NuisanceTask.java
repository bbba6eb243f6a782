package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.ModelMatrix;

/**
 * One nuisance regression to fit: predict {@code target} from the covariates.
 *
 * @param name what is predicted ("propensity", "outcome_control", "outcome_treated"), as reported
 * @param design the standardised (and optionally expanded) GLM design, intercept first
 * @param covariates the screened covariates on their own scale, one array per column (for trees)
 * @param family how the target is modelled: logistic for values in [0, 1], linear otherwise
 * @param lambda L2 penalty of the GLM learner
 * @param seed seeds the learners' own random choices (hold-out rows, subsamples)
 */
public record NuisanceTask(
    String name,
    ModelMatrix design,
    double[][] covariates,
    double[] target,
    double[] weights,
    GlmFamily family,
    double lambda,
    long seed) {

  public int rows() {
    return target.length;
  }
}
