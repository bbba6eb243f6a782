package io.tagcf.models.effects;

import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.Sigmoid;

/**
 * Ridge-penalised binomial logistic regression by Newton's method on sparse rows: row i has
 * {@code trials[i]} trials and {@code successes[i]} successes (a row with no trials is left out),
 * and lists the indexes and values of its non-zero features, so an iteration costs
 * rows x (non-zeros)^2 + p^3, not rows x p^2. The intercept (index 0) is not penalised. The
 * penalty keeps separated designs finite; a step that lowers the penalised likelihood is halved.
 */
final class SparseLogistic {
  private static final int MAX_ITERATIONS = 50;
  private static final double TOLERANCE = 1e-9;

  private SparseLogistic() {}

  /**
   * @param beta the coefficients
   * @param hessian the penalised information matrix at {@code beta} (p x p, row-major)
   * @param dispersion Pearson chi-square over residual degrees of freedom, at least 1
   */
  record Fit(double[] beta, double[] hessian, double dispersion, boolean converged) {

    double linearPredictor(int[] idx, double[] val) {
      double s = 0;
      for (int a = 0; a < idx.length; a++) {
        s += beta[idx[a]] * val[a];
      }
      return s;
    }
  }

  /**
   * @param start coefficients to start from (null: the intercept-only fit)
   */
  static Fit fit(int[][] index, double[][] value, double[] trials, double[] successes, int p, double lambda,
      double[] start) {
    int n = trials.length;
    double[] beta;
    if (start != null) {
      beta = start.clone();
    } else {
      double s = 0;
      double t = 0;
      for (int i = 0; i < n; i++) {
        s += successes[i];
        t += trials[i];
      }
      beta = new double[p];
      beta[0] = Sigmoid.logit(Math.min(1 - 1e-6, Math.max(1e-6, t == 0 ? 0.5 : s / t)));
    }
    double[] eta = new double[n];
    double objective = objective(index, value, trials, successes, beta, lambda, eta);
    boolean converged = false;
    double[] h = hessian(index, value, trials, eta, p, lambda);
    for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
      double[] g = new double[p];
      for (int i = 0; i < n; i++) {
        if (trials[i] == 0) {
          continue;
        }
        double r = successes[i] - trials[i] * Sigmoid.of(eta[i]);
        int[] idx = index[i];
        double[] val = value[i];
        for (int a = 0; a < idx.length; a++) {
          g[idx[a]] += r * val[a];
        }
      }
      for (int j = 1; j < p; j++) {
        g[j] -= lambda * beta[j];
      }
      double[] step = DenseAlgebra.solveSpd(h, g, p);
      if (step == null) {
        break;
      }
      double scale = 1;
      double[] trial = new double[p];
      double[] trialEta = new double[n];
      double next = objective;
      for (int halving = 0; halving < 30; halving++) {
        for (int j = 0; j < p; j++) {
          trial[j] = beta[j] + scale * step[j];
        }
        next = objective(index, value, trials, successes, trial, lambda, trialEta);
        if (next >= objective - 1e-12 * Math.abs(objective)) {
          break;
        }
        scale /= 2;
      }
      double change = 0;
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(trial[j] - beta[j]));
      }
      beta = trial;
      eta = trialEta;
      converged = Math.abs(next - objective) <= TOLERANCE * (Math.abs(objective) + 1) || change < 1e-7;
      objective = next;
      h = hessian(index, value, trials, eta, p, lambda);
    }
    return new Fit(beta, h, dispersion(trials, successes, eta, p), converged);
  }

  private static double[] hessian(int[][] index, double[][] value, double[] trials, double[] eta, int p,
      double lambda) {
    double[] h = new double[p * p];
    double total = 0;
    for (int i = 0; i < trials.length; i++) {
      if (trials[i] == 0) {
        continue;
      }
      total += trials[i];
      double mu = Sigmoid.of(eta[i]);
      double w = trials[i] * mu * (1 - mu);
      int[] idx = index[i];
      double[] val = value[i];
      for (int a = 0; a < idx.length; a++) {
        int row = idx[a] * p;
        double wa = w * val[a];
        for (int b = 0; b < idx.length; b++) {
          h[row + idx[b]] += wa * val[b];
        }
      }
    }
    for (int j = 1; j < p; j++) {
      h[j * p + j] += lambda;
    }
    // A feature absent from every included row (a category or tag seen only in other folds)
    // would leave the matrix singular; the ridge keeps its coefficient where it is.
    for (int j = 0; j < p; j++) {
      h[j * p + j] += 1e-10 * total + 1e-12;
    }
    return h;
  }

  private static double dispersion(double[] trials, double[] successes, double[] eta, int p) {
    double chi2 = 0;
    int rows = 0;
    for (int i = 0; i < trials.length; i++) {
      if (trials[i] == 0) {
        continue;
      }
      rows++;
      double mu = Sigmoid.of(eta[i]);
      double v = trials[i] * mu * (1 - mu);
      if (v > 0) {
        double r = successes[i] - trials[i] * mu;
        chi2 += r * r / v;
      }
    }
    return rows > p ? Math.max(1, chi2 / (rows - p)) : 1;
  }

  /** Penalised log-likelihood; fills {@code eta} with the linear predictors. */
  private static double objective(int[][] index, double[][] value, double[] trials, double[] successes,
      double[] beta, double lambda, double[] eta) {
    double ll = 0;
    for (int i = 0; i < trials.length; i++) {
      double e = 0;
      int[] idx = index[i];
      double[] val = value[i];
      for (int a = 0; a < idx.length; a++) {
        e += beta[idx[a]] * val[a];
      }
      eta[i] = e;
      if (trials[i] != 0) {
        ll += successes[i] * e - trials[i] * Sigmoid.softplus(e);
      }
    }
    double penalty = 0;
    for (int j = 1; j < beta.length; j++) {
      penalty += beta[j] * beta[j];
    }
    return ll - 0.5 * lambda * penalty;
  }
}
