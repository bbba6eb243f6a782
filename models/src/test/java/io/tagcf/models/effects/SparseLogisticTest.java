package io.tagcf.models.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.ModelMatrix;
import io.tagcf.models.causal.regression.PenalizedGlm;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sparse grouped-binomial fit against the dense engine ({@link PenalizedGlm}, binomial, on the
 * same standardised matrix): PenalizedGlm minimises the weighted <em>mean</em> log loss +
 * (lambda / 2) |beta|^2, SparseLogistic maximises the summed log-likelihood - (lambda / 2) |beta|^2,
 * so the two share their optimum when the sparse lambda is the dense one times the total weight
 * (the number of trials). A grouped row of t trials and s successes is the dense engine's row with
 * y = s / t and weight t.
 */
class SparseLogisticTest {

  /** Grouped data on a dense standardised design; {@code x} holds the intercept in column 0. */
  private record Grouped(ModelMatrix x, double[] trials, double[] successes, double[] beta) {
    int rows() {
      return trials.length;
    }

    int p() {
      return x.cols();
    }

    int[][] denseIndex() {
      int[][] idx = new int[rows()][];
      for (int i = 0; i < rows(); i++) {
        idx[i] = new int[p()];
        for (int j = 0; j < p(); j++) {
          idx[i][j] = j;
        }
      }
      return idx;
    }

    double[][] denseValue() {
      double[][] val = new double[rows()][];
      for (int i = 0; i < rows(); i++) {
        val[i] = new double[p()];
        for (int j = 0; j < p(); j++) {
          val[i][j] = x.get(i, j);
        }
      }
      return val;
    }

    double total() {
      return Arrays.stream(trials).sum();
    }
  }

  /**
   * {@code rows} groups of 1 to 30 trials on two numeric covariates and two binary ones, with
   * logit 0.3 x1 - 0.8 x2 + 1.2 b1 - 0.5 b2 - 0.4 (on the standardised scale of the matrix).
   */
  private static Grouped simulate(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] columns = new double[4][rows];
    double[] trials = new double[rows];
    for (int i = 0; i < rows; i++) {
      columns[0][i] = random.nextGaussian();
      columns[1][i] = 2 + 3 * random.nextGaussian();
      columns[2][i] = random.nextDouble() < 0.3 ? 1 : 0;
      columns[3][i] = random.nextDouble() < 0.6 ? 1 : 0;
      trials[i] = 1 + random.nextInt(30);
    }
    ModelMatrix x = ModelMatrix.standardised(columns, List.of("x1", "x2", "b1", "b2"), trials);
    double[] truth = {-0.4, 0.3, -0.8, 1.2, -0.5};
    double[] successes = new double[rows];
    for (int i = 0; i < rows; i++) {
      double mu = Sigmoid.of(x.dot(i, truth));
      for (int k = 0; k < trials[i]; k++) {
        successes[i] += random.nextDouble() < mu ? 1 : 0;
      }
    }
    return new Grouped(x, trials, successes, truth);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1e-4, 1e-2, 0.3})
  void matchesTheDenseEngineForTheSamePenalty(double lambda) {
    Grouped d = simulate(400, 3);
    double[] y = new double[d.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = d.successes()[i] / d.trials()[i];
    }
    GlmFit dense = PenalizedGlm.fit(d.x(), y, d.trials(), null, GlmFamily.BINOMIAL, lambda);
    SparseLogistic.Fit sparse = SparseLogistic.fit(d.denseIndex(), d.denseValue(), d.trials(), d.successes(), d.p(),
        lambda * d.total(), null);

    assertThat(dense.converged()).isTrue();
    assertThat(sparse.converged()).isTrue();
    for (int j = 0; j < d.p(); j++) {
      assertThat(sparse.beta()[j]).as("beta[%d]", j).isCloseTo(dense.beta()[j], within(1e-6));
    }
    int[][] idx = d.denseIndex();
    double[][] val = d.denseValue();
    for (int i = 0; i < d.rows(); i++) {
      assertThat(Sigmoid.of(sparse.linearPredictor(idx[i], val[i])))
          .isCloseTo(dense.mean(d.x(), i), within(1e-7));
    }
    // The penalised information of the summed likelihood is the dense engine's Hessian of the mean
    // loss (the inverse of its bread) times the total weight.
    double[] denseHessian = DenseAlgebra.invertSpd(dense.bread(), d.p());
    for (int k = 0; k < denseHessian.length; k++) {
      assertThat(sparse.hessian()[k] / d.total())
          .isCloseTo(denseHessian[k], within(1e-6 * (1 + Math.abs(denseHessian[k]))));
    }
    if (lambda == 0) {
      // Unpenalised, 400 groups recover the coefficients the data were drawn from.
      for (int j = 0; j < d.p(); j++) {
        assertThat(sparse.beta()[j]).isCloseTo(d.beta()[j], within(0.15));
      }
    }
  }

  @Test
  void omittedZerosAndFeatureOrderChangeNothing() {
    SplittableRandom random = new SplittableRandom(5);
    int rows = 300;
    int p = 6;
    int[][] denseIdx = new int[rows][];
    double[][] denseVal = new double[rows][];
    int[][] sparseIdx = new int[rows][];
    double[][] sparseVal = new double[rows][];
    double[] trials = new double[rows];
    double[] successes = new double[rows];
    for (int i = 0; i < rows; i++) {
      denseIdx[i] = new int[p];
      denseVal[i] = new double[p];
      List<Integer> present = new ArrayList<>();
      double eta = -0.5;
      for (int j = 0; j < p; j++) {
        denseIdx[i][j] = j;
        double v = j == 0 ? 1 : random.nextDouble() < 0.35 ? (j % 2 == 0 ? 1 : random.nextGaussian()) : 0;
        denseVal[i][j] = v;
        if (v != 0) {
          present.add(j);
        }
        eta += j == 0 ? 0 : 0.4 * j * v * (j % 3 == 0 ? -1 : 1);
      }
      // Reversed order: the sparse rows need not list features in index order.
      sparseIdx[i] = new int[present.size()];
      sparseVal[i] = new double[present.size()];
      for (int a = 0; a < present.size(); a++) {
        int j = present.get(present.size() - 1 - a);
        sparseIdx[i][a] = j;
        sparseVal[i][a] = denseVal[i][j];
      }
      trials[i] = 1 + random.nextInt(20);
      double mu = Sigmoid.of(eta);
      for (int k = 0; k < trials[i]; k++) {
        successes[i] += random.nextDouble() < mu ? 1 : 0;
      }
    }
    SparseLogistic.Fit dense = SparseLogistic.fit(denseIdx, denseVal, trials, successes, p, 0.5, null);
    SparseLogistic.Fit sparse = SparseLogistic.fit(sparseIdx, sparseVal, trials, successes, p, 0.5, null);
    for (int j = 0; j < p; j++) {
      assertThat(sparse.beta()[j]).isCloseTo(dense.beta()[j], within(1e-9));
    }
    for (int k = 0; k < p * p; k++) {
      assertThat(sparse.hessian()[k]).isCloseTo(dense.hessian()[k], within(1e-7 * (1 + Math.abs(dense.hessian()[k]))));
    }
    assertThat(sparse.dispersion()).isCloseTo(dense.dispersion(), within(1e-9));
  }

  @Test
  void groupedRowsEqualTheSameTrialsExpandedToBinaryRows() {
    Grouped d = simulate(120, 9);
    int[][] idx = d.denseIndex();
    double[][] val = d.denseValue();
    int expanded = (int) d.total();
    int[][] eIdx = new int[expanded][];
    double[][] eVal = new double[expanded][];
    double[] eTrials = new double[expanded];
    double[] eSuccesses = new double[expanded];
    int r = 0;
    for (int i = 0; i < d.rows(); i++) {
      for (int k = 0; k < d.trials()[i]; k++) {
        eIdx[r] = idx[i];
        eVal[r] = val[i];
        eTrials[r] = 1;
        eSuccesses[r] = k < d.successes()[i] ? 1 : 0;
        r++;
      }
    }
    double lambda = 1e-3 * d.total();
    SparseLogistic.Fit grouped = SparseLogistic.fit(idx, val, d.trials(), d.successes(), d.p(), lambda, null);
    SparseLogistic.Fit binary = SparseLogistic.fit(eIdx, eVal, eTrials, eSuccesses, d.p(), lambda, null);
    assertThat(grouped.converged()).isTrue();
    for (int j = 0; j < d.p(); j++) {
      assertThat(grouped.beta()[j]).isCloseTo(binary.beta()[j], within(1e-8));
    }
    for (int k = 0; k < grouped.hessian().length; k++) {
      assertThat(grouped.hessian()[k])
          .isCloseTo(binary.hessian()[k], within(1e-8 * (1 + Math.abs(binary.hessian()[k]))));
    }
  }

  @Test
  void rowsWithoutTrialsAreLeftOutWhateverTheirSuccesses() {
    Grouped d = simulate(200, 13);
    int[][] idx = d.denseIndex();
    double[][] val = d.denseValue();
    double lambda = 1e-3 * d.total();
    SparseLogistic.Fit plain = SparseLogistic.fit(idx, val, d.trials(), d.successes(), d.p(), lambda, null);

    // Every third row loses its trials but keeps (or gains) successes: the held-out fold of a
    // cross-fit looks like this.
    double[] trials = d.trials().clone();
    double[] successes = d.successes().clone();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < d.rows(); i++) {
      if (i % 3 == 0) {
        trials[i] = 0;
        successes[i] += 50;
      } else {
        kept.add(i);
      }
    }
    SparseLogistic.Fit withEmpty = SparseLogistic.fit(idx, val, trials, successes, d.p(), lambda, null);
    int m = kept.size();
    int[][] kIdx = new int[m][];
    double[][] kVal = new double[m][];
    double[] kTrials = new double[m];
    double[] kSuccesses = new double[m];
    for (int a = 0; a < m; a++) {
      int i = kept.get(a);
      kIdx[a] = idx[i];
      kVal[a] = val[i];
      kTrials[a] = trials[i];
      kSuccesses[a] = successes[i];
    }
    SparseLogistic.Fit subset = SparseLogistic.fit(kIdx, kVal, kTrials, kSuccesses, d.p(), lambda, null);

    assertThat(withEmpty.converged()).isTrue();
    for (int j = 0; j < d.p(); j++) {
      assertThat(withEmpty.beta()[j]).isCloseTo(subset.beta()[j], within(1e-8));
      assertThat(withEmpty.beta()[j]).isNotCloseTo(plain.beta()[j], within(1e-6));
    }
    for (int k = 0; k < subset.hessian().length; k++) {
      assertThat(withEmpty.hessian()[k])
          .isCloseTo(subset.hessian()[k], within(1e-8 * (1 + Math.abs(subset.hessian()[k]))));
    }
    assertThat(withEmpty.dispersion()).isCloseTo(subset.dispersion(), within(1e-9));
  }

  @Test
  void perfectSeparationStaysFiniteUnderTheRidge() {
    int rows = 200;
    int[][] idx = new int[rows][];
    double[][] val = new double[rows][];
    double[] trials = new double[rows];
    double[] successes = new double[rows];
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < rows; i++) {
      double x = random.nextGaussian();
      idx[i] = new int[] {0, 1, 2};
      // Feature 2 is present only on the successes: it alone separates them.
      boolean success = x > 0;
      val[i] = new double[] {1, x, success ? 1 : 0};
      trials[i] = 1;
      successes[i] = success ? 1 : 0;
    }
    SparseLogistic.Fit fit = SparseLogistic.fit(idx, val, trials, successes, 3, 1e-4 * rows, null);
    assertThat(fit.converged()).isTrue();
    for (double b : fit.beta()) {
      assertThat(b).isFinite();
      assertThat(Math.abs(b)).isLessThan(100);
    }
    for (double h : fit.hessian()) {
      assertThat(h).isFinite();
    }
    assertThat(DenseAlgebra.invertSpd(fit.hessian(), 3)).isNotNull();
    for (int i = 0; i < rows; i++) {
      double mu = Sigmoid.of(fit.linearPredictor(idx[i], val[i]));
      assertThat(mu).isBetween(0.0, 1.0);
      if (successes[i] == 1) {
        assertThat(mu).isGreaterThan(0.9);
      } else {
        assertThat(mu).isLessThan(0.1);
      }
    }
  }

  @Test
  void dispersionIsAboutOneForBinomialDataAndLargerForOverdispersedData() {
    int rows = 600;
    int[][] idx = new int[rows][];
    double[][] val = new double[rows][];
    double[] trials = new double[rows];
    double[] binomial = new double[rows];
    double[] overdispersed = new double[rows];
    SplittableRandom random = new SplittableRandom(23);
    for (int i = 0; i < rows; i++) {
      double x = random.nextGaussian();
      idx[i] = new int[] {0, 1};
      val[i] = new double[] {1, x};
      trials[i] = 40;
      double mu = Sigmoid.of(-0.5 + 0.7 * x);
      // Each row's own rate varies around mu on the logit scale (SD 1): extra-binomial variation.
      double rowMu = Sigmoid.of(-0.5 + 0.7 * x + random.nextGaussian());
      for (int k = 0; k < trials[i]; k++) {
        binomial[i] += random.nextDouble() < mu ? 1 : 0;
        overdispersed[i] += random.nextDouble() < rowMu ? 1 : 0;
      }
    }
    SparseLogistic.Fit plain = SparseLogistic.fit(idx, val, trials, binomial, 2, 1e-4 * rows * 40, null);
    SparseLogistic.Fit extra = SparseLogistic.fit(idx, val, trials, overdispersed, 2, 1e-4 * rows * 40, null);
    assertThat(plain.dispersion()).isBetween(1.0, 1.2);
    assertThat(extra.dispersion()).isGreaterThan(3.0);
  }

  @Test
  void startingFromAnotherFitReachesTheSameOptimum() {
    Grouped d = simulate(250, 29);
    int[][] idx = d.denseIndex();
    double[][] val = d.denseValue();
    double lambda = 1e-3 * d.total();
    SparseLogistic.Fit cold = SparseLogistic.fit(idx, val, d.trials(), d.successes(), d.p(), lambda, null);
    double[] start = {2, -3, 1, 4, -2};
    SparseLogistic.Fit warm = SparseLogistic.fit(idx, val, d.trials(), d.successes(), d.p(), lambda, start);
    assertThat(start).containsExactly(2, -3, 1, 4, -2);
    for (int j = 0; j < d.p(); j++) {
      assertThat(warm.beta()[j]).isCloseTo(cold.beta()[j], within(1e-7));
    }
  }
}
