package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.ModelMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Small regression problems with a known mean function, for the learner tests. */
final class NuisanceTasks {
  private NuisanceTasks() {}

  /** X1..X3 ~ U(-2, 2); the truth per row and the task built on it. */
  record Problem(NuisanceTask task, double[] truth) {}

  /**
   * Gaussian target truth(x) + N(0, noise^2), or (logistic) a 0/1 target drawn with probability
   * truth(x).
   */
  static Problem problem(int n, long seed, GlmFamily family, double noise, ToDoubleFunction<double[]> truth) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[3][n];
    double[] y = new double[n];
    double[] mean = new double[n];
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    for (int i = 0; i < n; i++) {
      double[] row = new double[3];
      for (int j = 0; j < 3; j++) {
        x[j][i] = -2 + 4 * random.nextDouble();
        row[j] = x[j][i];
      }
      mean[i] = truth.applyAsDouble(row);
      y[i] = family == GlmFamily.BINOMIAL
          ? (random.nextDouble() < mean[i] ? 1 : 0) : mean[i] + noise * random.nextGaussian();
    }
    ModelMatrix design = ModelMatrix.standardised(x, List.of("X1", "X2", "X3"), w);
    return new Problem(new NuisanceTask("target", design, x, y, w, family, 1e-4, seed), mean);
  }

  /** 2 * 1[X1 > 0] 1[X2 > 0]: an interaction of thresholds. */
  static double step(double[] x) {
    return x[0] > 0 && x[1] > 0 ? 2 : 0;
  }

  /** 1 + X1 - 0.5 X3: what the GLM fits exactly. */
  static double linear(double[] x) {
    return 1 + x[0] - 0.5 * x[2];
  }

  static int[] range(int from, int to) {
    int[] out = new int[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = i;
    }
    return out;
  }

  /** Mean squared distance of the predictions for {@code rows} from the truth. */
  static double error(double[] predicted, int[] rows, double[] truth) {
    double s = 0;
    for (int k = 0; k < rows.length; k++) {
      double d = predicted[k] - truth[rows[k]];
      s += d * d;
    }
    return s / rows.length;
  }
}
