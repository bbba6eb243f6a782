package io.tagcf.models.simulation;

import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.SplittableRandom;

/**
 * A world whose confounding runs only through an interaction and a threshold of the covariates,
 * which a main-effects model cannot see: with X1..X4 ~ U(-2, 2) independent,
 *
 * <pre>
 *   h1 = 1[X1 > 0] 1[X2 > 0]     (an interaction of thresholds)
 *   h2 = 1[|X3| > 1]             (a two-sided threshold: uncorrelated with X3)
 *   T  ~ Bernoulli(sigmoid(2 h1 + 1.5 h2 - 1.25))
 *   Y  = effect T + 2 h1 + 2 h2 + X4 + N(0, 1)
 * </pre>
 *
 * Linear nuisance models follow h1 only in part and h2 not at all, so the doubly robust estimate
 * keeps much of their confounding, while a learner that finds the interaction and the threshold removes it. The
 * effect is constant, so the ATE and the ATT are both {@code effect}. Covariates are named X1..X4.
 */
public record ThresholdWorld(CausalData data, double trueEffect) {

  public static ThresholdWorld generate(double effect, int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[4][samples];
    double[] t = new double[samples];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      for (int j = 0; j < 4; j++) {
        x[j][i] = -2 + 4 * random.nextDouble();
      }
      double h1 = x[0][i] > 0 && x[1][i] > 0 ? 1 : 0;
      double h2 = Math.abs(x[2][i]) > 1 ? 1 : 0;
      t[i] = random.nextDouble() < Sigmoid.of(0.8 * (h1 + h2) - 1.25) ? 1 : 0;
      y[i] = effect * t[i] + 0.8 * (h1 + h2) + random.nextGaussian();
    }
    CausalData.Builder builder = CausalData.builder(t, y);
    for (int j = 0; j < 4; j++) {
      builder.covariate("X" + (j + 1), x[j]);
    }
    return new ThresholdWorld(builder.build(), effect);
  }
}
