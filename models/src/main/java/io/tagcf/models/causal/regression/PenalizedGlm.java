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
 *
 * <p>Cost: every pass over the rows is one {@link Pass}; the Hessian pass (n p^2 / 2) dominates.
 * A candidate step is evaluated with its Hessian in the same pass as its loss, so an accepted step
 * (the usual case) needs no second pass, and the Hessian at the final coefficients, which the
 * bread needs, is the last candidate's. {@link #fitForPrediction} skips that last Hessian when the
 * caller needs only the coefficients. A Gaussian Hessian does not depend on the coefficients, so
 * its one pass serves both the step and the bread.
 */
public final class PenalizedGlm {
  public static final double DEFAULT_LAMBDA = 1e-4;
  private static final int MAX_ITERATIONS = 100;

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
    return new Newton(x, y, w, rows, family, lambda, true).run(start);
  }

  /**
   * The same coefficients as {@link #fit(ModelMatrix, double[], double[], int[], GlmFamily, double,
   * double[])}, without the bread (the inverse Hessian at the optimum): for nuisance models that
   * only predict, such as cross-fitted ones. Saves one Hessian pass per logistic fit. The result's
   * {@link GlmFit#hasBread()} is false and it has no covariance.
   */
  public static GlmFit fitForPrediction(
      ModelMatrix x, double[] y, double[] w, int[] rows, GlmFamily family, double lambda, double[] start) {
    return new Newton(x, y, w, rows, family, lambda, false).run(start);
  }

  /** One fit's state: the data, the penalty and whether the bread is wanted. */
  private static final class Newton {
    private final ModelMatrix x;
    private final double[] y;
    private final double[] w;
    private final int[] rows;
    private final GlmFamily family;
    private final double lambda;
    private final boolean withBread;
    private final int p;
    private final int count;
    private final double totalWeight;

    Newton(ModelMatrix x, double[] y, double[] w, int[] rows, GlmFamily family, double lambda, boolean withBread) {
      this.x = x;
      this.y = y;
      this.w = w;
      this.rows = rows;
      this.family = family;
      this.lambda = lambda;
      this.withBread = withBread;
      this.p = x.cols();
      this.count = rows == null ? x.rows() : rows.length;
      double total = 0;
      for (int k = 0; k < count; k++) {
        total += w[rows == null ? k : rows[k]];
      }
      if (!(total > 0)) {
        throw new IllegalStateException("no weight on the fitting rows");
      }
      this.totalWeight = total;
    }

    GlmFit run(double[] start) {
      double[] beta = initial(start);
      Pass at = evaluate(beta, true);
      double objective = objective(at, beta);
      boolean converged = false;
      int iteration = 0;
      while (iteration < MAX_ITERATIONS) {
        iteration++;
        double[] hessian = penalisedHessian(at);
        double[] gradient = at.gradient.clone();
        for (int a = 0; a < p; a++) {
          gradient[a] /= totalWeight;
        }
        for (int a = 1; a < p; a++) {
          gradient[a] -= lambda * beta[a];
        }
        double[] step = DenseAlgebra.solveSpd(hessian, gradient, p);
        if (step == null) {
          throw new IllegalStateException("penalised Hessian is not positive definite");
        }
        if (family == GlmFamily.GAUSSIAN) {
          for (int a = 0; a < p; a++) {
            beta[a] += step[a];
          }
          // The Gaussian Hessian does not depend on beta: `at` is the Hessian at the new beta too.
          converged = true;
          break;
        }
        double scale = 1.0;
        double[] candidate = new double[p];
        Pass tried = null;
        double candidateObjective = Double.POSITIVE_INFINITY;
        for (int halving = 0; halving < 30; halving++) {
          for (int a = 0; a < p; a++) {
            candidate[a] = beta[a] + scale * step[a];
          }
          // The full step is usually taken: its Hessian is then computed in the same pass as its loss.
          tried = evaluate(candidate, halving == 0 && withBread);
          candidateObjective = objective(tried, candidate);
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
        converged = maxStep < 1e-8 || improvement < 1e-13 * (1 + Math.abs(objective));
        if (tried.hessian != null) {
          at = tried;
        } else if (!converged || withBread) {
          at = evaluate(beta, true);
        } else {
          at = null;
        }
        if (converged) {
          break;
        }
      }
      double[] bread = null;
      if (withBread) {
        // `at` holds the Hessian at the final beta.
        bread = DenseAlgebra.invertSpd(penalisedHessian(at), p);
        if (bread == null) {
          throw new IllegalStateException("penalised Hessian is not positive definite");
        }
      }
      return new GlmFit(family, beta, bread, iteration, converged);
    }

    private double[] initial(double[] start) {
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
      return beta;
    }

    /** The Hessian of the penalised mean loss, p x p row-major, from a pass's padded sums. */
    private double[] penalisedHessian(Pass pass) {
      int padded = RowTile.padded(p);
      double[] h = new double[p * p];
      for (int a = 0; a < p; a++) {
        for (int b = a; b < p; b++) {
          double v = pass.hessian[a * padded + b] / totalWeight;
          h[a * p + b] = v;
          h[b * p + a] = v;
        }
      }
      for (int a = 1; a < p; a++) {
        h[a * p + a] += lambda;
      }
      // The intercept is unpenalised; a vanishing floor keeps an all-constant design solvable.
      h[0] += 1e-12;
      return h;
    }

    private double objective(Pass pass, double[] beta) {
      double penalty = 0;
      for (int a = 1; a < beta.length; a++) {
        penalty += beta[a] * beta[a];
      }
      return pass.loss / totalWeight + 0.5 * lambda * penalty;
    }

    /** The weighted loss and gradient at beta, and the Hessian when asked, over all fitting rows. */
    private Pass evaluate(double[] beta, boolean hessian) {
      int blocks = (count + Pass.BLOCK - 1) / Pass.BLOCK;
      Pass[] parts = new Pass[blocks];
      IntStream stream = IntStream.range(0, blocks);
      if (blocks > 1) {
        stream = stream.parallel();
      }
      stream.forEach(b -> parts[b] =
          Pass.over(x, y, w, rows, b * Pass.BLOCK, Math.min(count, (b + 1) * Pass.BLOCK), family, beta, hessian));
      return Pass.sum(parts);
    }
  }
}
