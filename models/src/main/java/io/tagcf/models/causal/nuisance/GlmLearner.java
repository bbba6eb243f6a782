package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.PenalizedGlm;

/**
 * The penalised GLM ({@link PenalizedGlm}) as a nuisance learner. Each fold's fit starts from the
 * previous fold's coefficients: cross-fitting's training sets overlap by (k - 2)/(k - 1), so Newton
 * needs fewer iterations from there.
 */
public final class GlmLearner implements NuisanceLearner {
  private double[] start;
  private boolean converged = true;

  @Override
  public String name() {
    return NuisanceModel.GLM.label();
  }

  @Override
  public double[] fitAndPredict(NuisanceTask task, int[] train, int[] predict) {
    GlmFit fit = PenalizedGlm.fitForPrediction(
        task.design(), task.target(), task.weights(), train, task.family(), task.lambda(), start);
    start = fit.beta();
    converged &= fit.converged();
    double[] out = new double[predict.length];
    for (int k = 0; k < predict.length; k++) {
      out[k] = fit.mean(task.design(), predict[k]);
    }
    return out;
  }

  @Override
  public boolean converged() {
    return converged;
  }
}
