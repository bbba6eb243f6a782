package io.tagcf.models.causal.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked, multi-threaded fit against the definition of its answer, computed row by row: the
 * penalised gradient vanishes at the returned coefficients, the bread is the inverse of the
 * penalised Hessian there, and a Gaussian fit is the closed-form ridge solution. Sizes straddle
 * the tile (256 rows), the thread block (16,384 rows) and the 4-column kernel block.
 */
class PenalizedGlmTest {
  private static final double LAMBDA = 1e-4;

  @ParameterizedTest
  @CsvSource({"300, 1", "1000, 3", "17000, 4", "40000, 7", "20000, 12"})
  void logisticGradientVanishesAndBreadIsTheInverseHessian(int n, int covariates) {
    Data d = Data.simulate(n, covariates, 7, true);
    GlmFit fit = PenalizedGlm.fit(d.x, d.y, d.w, null, GlmFamily.BINOMIAL, LAMBDA);
    assertThat(fit.converged()).isTrue();
    assertOptimal(d, null, fit);
  }

  @Test
  void onRowSubsetsItFitsThoseRowsOnly() {
    Data d = Data.simulate(30_000, 6, 3, true);
    int[] rows = new int[18_001];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = k * 3 / 2;
    }
    GlmFit fit = PenalizedGlm.fit(d.x, d.y, d.w, rows, GlmFamily.BINOMIAL, LAMBDA);
    assertOptimal(d, rows, fit);
  }

  @Test
  void gaussianFitIsTheClosedFormRidgeSolution() {
    Data d = Data.simulate(20_000, 9, 5, false);
    GlmFit fit = PenalizedGlm.fit(d.x, d.y, d.w, null, GlmFamily.GAUSSIAN, LAMBDA);
    int p = d.x.cols();
    double[] h = naiveHessian(d, null, fit.beta(), GlmFamily.GAUSSIAN);
    double[] rhs = new double[p];
    double total = 0;
    for (int i = 0; i < d.x.rows(); i++) {
      total += d.w[i];
      for (int a = 0; a < p; a++) {
        rhs[a] += d.w[i] * d.y[i] * d.x.get(i, a);
      }
    }
    for (int a = 0; a < p; a++) {
      rhs[a] /= total;
    }
    double[] expected = DenseAlgebra.solveSpd(h, rhs, p);
    for (int a = 0; a < p; a++) {
      assertThat(fit.beta()[a]).isCloseTo(expected[a], within(1e-10 * (1 + Math.abs(expected[a]))));
    }
    assertOptimal(d, null, fit);
  }

  @Test
  void aFitForPredictionHasTheSameCoefficientsAndNoBread() {
    Data d = Data.simulate(25_000, 5, 11, true);
    GlmFit full = PenalizedGlm.fit(d.x, d.y, d.w, null, GlmFamily.BINOMIAL, LAMBDA, null);
    GlmFit point = PenalizedGlm.fitForPrediction(d.x, d.y, d.w, null, GlmFamily.BINOMIAL, LAMBDA, null);
    assertThat(point.beta()).containsExactly(full.beta());
    assertThat(point.iterations()).isEqualTo(full.iterations());
    assertThat(full.hasBread()).isTrue();
    assertThat(point.hasBread()).isFalse();
    assertThatThrownBy(() -> point.robustCovariance(d.x, d.y, d.w, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only to predict");
  }

  @Test
  void aWarmStartReachesTheSameOptimum() {
    Data d = Data.simulate(20_000, 8, 13, true);
    GlmFit cold = PenalizedGlm.fit(d.x, d.y, d.w, null, GlmFamily.BINOMIAL, LAMBDA);
    double[] start = cold.beta().clone();
    for (int a = 0; a < start.length; a++) {
      start[a] += 0.05;
    }
    GlmFit warm = PenalizedGlm.fit(d.x, d.y, d.w, null, GlmFamily.BINOMIAL, LAMBDA, start);
    for (int a = 0; a < start.length; a++) {
      assertThat(warm.beta()[a]).isCloseTo(cold.beta()[a], within(1e-8 * (1 + Math.abs(cold.beta()[a]))));
    }
  }

  @Test
  void theScreenDropsConstantAndCollinearColumnsInOrder() {
    Random rnd = new Random(2);
    int n = 20_000;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] constant = new double[n];
    double[] sum = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextGaussian();
      b[i] = rnd.nextGaussian();
      constant[i] = 3;
      sum[i] = 2 * a[i] - b[i];
    }
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    CovariateScreen.Result r = CovariateScreen.screen(
        new double[][] {a, constant, b, sum, a}, List.of("a", "k", "b", "sum", "a2"), w);
    assertThat(r.kept()).containsExactly(0, 2);
    assertThat(r.warnings()).containsExactly(
        "covariate 'k' is constant; dropped",
        "covariate 'sum' is collinear with earlier covariates; dropped",
        "covariate 'a2' is collinear with earlier covariates; dropped");
  }

  /** The penalised mean-loss gradient is zero and the bread inverts the Hessian, row by row. */
  private static void assertOptimal(Data d, int[] rows, GlmFit fit) {
    int p = d.x.cols();
    GlmFamily family = fit.family();
    double[] beta = fit.beta();
    double[] gradient = new double[p];
    double total = 0;
    int count = rows == null ? d.x.rows() : rows.length;
    for (int k = 0; k < count; k++) {
      int i = rows == null ? k : rows[k];
      total += d.w[i];
      double r = d.y[i] - family.mean(d.x.dot(i, beta));
      for (int a = 0; a < p; a++) {
        gradient[a] += d.w[i] * r * d.x.get(i, a);
      }
    }
    for (int a = 0; a < p; a++) {
      double g = gradient[a] / total - (a == 0 ? 0 : LAMBDA * beta[a]);
      // Newton stops once a step improves the objective by under 1e-13: that leaves a gradient of
      // order 1e-9 (1e-11 to 1e-9 on these data).
      assertThat(g).as("gradient %d", a).isCloseTo(0.0, within(1e-8));
    }
    double[] h = naiveHessian(d, rows, beta, family);
    double[] product = DenseAlgebra.multiply(h, fit.bread(), p);
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        assertThat(product[a * p + b]).isCloseTo(a == b ? 1.0 : 0.0, within(1e-10));
      }
    }
  }

  private static double[] naiveHessian(Data d, int[] rows, double[] beta, GlmFamily family) {
    int p = d.x.cols();
    double[] h = new double[p * p];
    double total = 0;
    int count = rows == null ? d.x.rows() : rows.length;
    for (int k = 0; k < count; k++) {
      int i = rows == null ? k : rows[k];
      total += d.w[i];
      double c = d.w[i] * family.meanDerivative(d.x.dot(i, beta));
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          h[a * p + b] += c * d.x.get(i, a) * d.x.get(i, b);
        }
      }
    }
    for (int a = 0; a < p * p; a++) {
      h[a] /= total;
    }
    for (int a = 1; a < p; a++) {
      h[a * p + a] += LAMBDA;
    }
    h[0] += 1e-12;
    return h;
  }

  private record Data(ModelMatrix x, double[] y, double[] w) {
    static Data simulate(int n, int covariates, long seed, boolean binary) {
      Random rnd = new Random(seed);
      double[][] columns = new double[covariates][n];
      List<String> names = new ArrayList<>();
      for (int j = 0; j < covariates; j++) {
        names.add("x" + j);
        for (int i = 0; i < n; i++) {
          columns[j][i] = 2 + rnd.nextGaussian() * (j + 1);
        }
      }
      double[] w = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = 0.5 + rnd.nextDouble();
        double eta = 0.3;
        for (int j = 0; j < covariates; j++) {
          eta += (j % 2 == 0 ? 0.4 : -0.3) * (columns[j][i] - 2) / (j + 1);
        }
        y[i] = binary ? (rnd.nextDouble() < Sigmoid.of(eta) ? 1 : 0) : eta + rnd.nextGaussian();
      }
      return new Data(ModelMatrix.standardised(columns, names, w), y, w);
    }
  }
}
