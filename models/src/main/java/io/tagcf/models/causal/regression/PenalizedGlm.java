package io.tagcf.models.causal.regression;

import java.util.stream.IntStream;

/**
 * L2-penalised linear and logistic regression fitted by Newton's method (IRLS).
 *
 * <p>Minimises mean weighted loss + (lambda / 2) |beta|^2 over the non-intercept coefficients of a
 * standardised {@link ModelMatrix}. Measuring the loss as a mean makes lambda scale-free: the
 * default 1e-4 shifts well-identified coefficients by about 1e-4 of their size, yet keeps every
 * Newton system positive definite and every coefficient finite under perfect separation or exact
 * collinearity inside a fold or treatment arm.
 */
public final class PenalizedGlm {
  public static final double DEFAULT_LAMBDA = 1e-4;
  private static final int MAX_ITERATIONS = 100;
  /** Row blocks summed in a fixed order so results do not depend on the thread count. */
  private static final int BLOCK = 16_384;

  private PenalizedGlm() {}

  /**
   * Fits on the given rows (all rows when {@code rows} is null).
   *
   * @throws IllegalStateException if the penalised Hessian is not positive definite, which a
   *     positive lambda rules out unless the data hold non-finite values
   */
  public static GlmFit fit(ModelMatrix x, double[] y, double[] w, int[] rows, GlmFamily family, double lambda) {
    return fit(x, y, w, rows, family, lambda, null);
  }

  /**
   * As {@link #fit(ModelMatrix, double[], double[], int[], GlmFamily, double)}, starting Newton from
   * {@code start} (a fit on overlapping rows, as in cross-fitting) instead of the intercept-only
   * model; the optimum is the same, it is reached in fewer iterations.
   */
  public static GlmFit fit(
      ModelMatrix x, double[] y, double[] w, int[] rows, GlmFamily family, double lambda, double[] start) {
    int p = x.cols();
    int count = rows == null ? x.rows() : rows.length;
    double totalWeight = 0;
    for (int k = 0; k < count; k++) {
      totalWeight += w[rows == null ? k : rows[k]];
    }
    if (!(totalWeight > 0)) {
      throw new IllegalStateException("no weight on the fitting rows");
    }
    double[] beta = new double[p];
    if (start != null && start.length == p && family == GlmFamily.BINOMIAL) {
      System.arraycopy(start, 0, beta, 0, p);
    } else if (family == GlmFamily.BINOMIAL) {
      // Start at the weighted mean on the logit scale: Newton from there rarely needs halving.
      double m = 0;
      for (int k = 0; k < count; k++) {
        int i = rows == null ? k : rows[k];
        m += w[i] * y[i];
      }
      m = Math.min(Math.max(m / totalWeight, 1e-6), 1 - 1e-6);
      beta[0] = Sigmoid.logit(m);
    }
    double objective = objective(x, y, w, rows, count, family, lambda, beta, totalWeight);
    boolean converged = false;
    int iteration = 0;
    double[] hessian = null;
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      Accumulated acc = accumulate(x, y, w, rows, count, family, beta);
      hessian = acc.hessian;
      double[] gradient = acc.gradient;
      for (int a = 0; a < p * p; a++) {
        hessian[a] /= totalWeight;
      }
      for (int a = 0; a < p; a++) {
        gradient[a] /= totalWeight;
      }
      for (int a = 1; a < p; a++) {
        hessian[a * p + a] += lambda;
        gradient[a] -= lambda * beta[a];
      }
      // The intercept is unpenalised; a vanishing floor keeps an all-constant design solvable.
      hessian[0] += 1e-12;
      double[] step = DenseAlgebra.solveSpd(hessian, gradient, p);
      if (step == null) {
        throw new IllegalStateException("penalised Hessian is not positive definite");
      }
      if (family == GlmFamily.GAUSSIAN) {
        for (int a = 0; a < p; a++) {
          beta[a] += step[a];
        }
        converged = true;
        break;
      }
      double scale = 1.0;
      double[] candidate = new double[p];
      double candidateObjective = Double.POSITIVE_INFINITY;
      for (int halving = 0; halving < 30; halving++) {
        for (int a = 0; a < p; a++) {
          candidate[a] = beta[a] + scale * step[a];
        }
        candidateObjective = objective(x, y, w, rows, count, family, lambda, candidate, totalWeight);
        if (candidateObjective <= objective + 1e-15 * Math.abs(objective)) {
          break;
        }
        scale /= 2;
      }
      if (!(candidateObjective <= objective)) {
        // No step along Newton's direction lowers the objective any more: we are at the optimum
        // to within rounding.
        converged = true;
        break;
      }
      double maxStep = 0;
      for (int a = 0; a < p; a++) {
        maxStep = Math.max(maxStep, Math.abs(candidate[a] - beta[a]));
      }
      double improvement = objective - candidateObjective;
      System.arraycopy(candidate, 0, beta, 0, p);
      objective = candidateObjective;
      if (maxStep < 1e-8 || improvement < 1e-13 * (1 + Math.abs(objective))) {
        converged = true;
        break;
      }
    }
    // Bread at the final coefficients.
    Accumulated last = accumulate(x, y, w, rows, count, family, beta);
    double[] h = last.hessian;
    for (int a = 0; a < p * p; a++) {
      h[a] /= totalWeight;
    }
    for (int a = 1; a < p; a++) {
      h[a * p + a] += lambda;
    }
    h[0] += 1e-12;
    double[] bread = DenseAlgebra.invertSpd(h, p);
    if (bread == null) {
      throw new IllegalStateException("penalised Hessian is not positive definite");
    }
    return new GlmFit(family, beta, bread, iteration, converged);
  }

  private record Accumulated(double[] hessian, double[] gradient) {}

  private static Accumulated accumulate(
      ModelMatrix x, double[] y, double[] w, int[] rows, int count, GlmFamily family, double[] beta) {
    int p = x.cols();
    int blocks = (count + BLOCK - 1) / BLOCK;
    Accumulated[] parts = new Accumulated[blocks];
    IntStream stream = IntStream.range(0, blocks);
    if (blocks > 1) {
      stream = stream.parallel();
    }
    stream.forEach(
        b -> parts[b] = accumulateBlock(x, y, w, rows, b * BLOCK, Math.min(count, (b + 1) * BLOCK), family, beta));
    double[] hessian = new double[p * p];
    double[] gradient = new double[p];
    for (Accumulated part : parts) {
      for (int a = 0; a < p * p; a++) {
        hessian[a] += part.hessian[a];
      }
      for (int a = 0; a < p; a++) {
        gradient[a] += part.gradient[a];
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        hessian[a * p + b] = hessian[b * p + a];
      }
    }
    return new Accumulated(hessian, gradient);
  }

  private static Accumulated accumulateBlock(
      ModelMatrix x, double[] y, double[] w, int[] rows, int from, int to, GlmFamily family, double[] beta) {
    int p = x.cols();
    double[] v = x.values();
    double[] hessian = new double[p * p];
    double[] gradient = new double[p];
    for (int k = from; k < to; k++) {
      int i = rows == null ? k : rows[k];
      int base = i * p;
      double eta = 0;
      for (int a = 0; a < p; a++) {
        eta += v[base + a] * beta[a];
      }
      double mu = family.mean(eta);
      double curvature = w[i] * (family == GlmFamily.GAUSSIAN ? 1.0 : mu * (1 - mu));
      double residual = w[i] * (y[i] - mu);
      for (int a = 0; a < p; a++) {
        double xa = v[base + a];
        gradient[a] += xa * residual;
        double ca = xa * curvature;
        if (ca != 0) {
          int row = a * p;
          for (int b = a; b < p; b++) {
            hessian[row + b] += ca * v[base + b];
          }
        }
      }
    }
    return new Accumulated(hessian, gradient);
  }

  private static double objective(
      ModelMatrix x, double[] y, double[] w, int[] rows, int count, GlmFamily family, double lambda,
      double[] beta, double totalWeight) {
    double loss = 0;
    for (int k = 0; k < count; k++) {
      int i = rows == null ? k : rows[k];
      double eta = x.dot(i, beta);
      if (family == GlmFamily.GAUSSIAN) {
        double r = y[i] - eta;
        loss += w[i] * 0.5 * r * r;
      } else {
        // Bernoulli (quasi-)deviance: y log(1+e^-eta) + (1-y) log(1+e^eta).
        loss += w[i] * (y[i] * Sigmoid.softplus(-eta) + (1 - y[i]) * Sigmoid.softplus(eta));
      }
    }
    double penalty = 0;
    for (int a = 1; a < beta.length; a++) {
      penalty += beta[a] * beta[a];
    }
    return loss / totalWeight + 0.5 * lambda * penalty;
  }
}
