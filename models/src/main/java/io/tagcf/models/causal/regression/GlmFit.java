package io.tagcf.models.causal.regression;

/**
 * A fitted nuisance model on a {@link ModelMatrix}.
 *
 * @param beta coefficients on the standardised scale, intercept first
 * @param bread inverse of the penalised Hessian of the mean loss (p x p, row-major); with the meat
 *     of {@link #robustCovariance} it gives sandwich standard errors. Null for a fit made only to
 *     predict ({@link PenalizedGlm#fitForPrediction}).
 * @param converged false when Newton stopped at the iteration limit (typically near-separation)
 */
public record GlmFit(GlmFamily family, double[] beta, double[] bread, int iterations, boolean converged) {

  public double linearPredictor(ModelMatrix x, int row) {
    return x.dot(row, beta);
  }

  public double mean(ModelMatrix x, int row) {
    return family.mean(x.dot(row, beta));
  }

  public int dimension() {
    return beta.length;
  }

  /** False for a fit made only to predict, which has no covariance. */
  public boolean hasBread() {
    return bread != null;
  }

  /**
   * Heteroskedasticity-robust covariance of beta from the fitting rows: bread . meat . bread with
   * meat = sum w_i^2 r_i^2 x_i x_i' / W^2 (rows treated as independent units carrying weight w_i).
   */
  public double[] robustCovariance(ModelMatrix x, double[] y, double[] w, int[] rows) {
    if (bread == null) {
      throw new IllegalStateException("a fit made only to predict has no covariance (PenalizedGlm.fitForPrediction)");
    }
    int p = beta.length;
    double[] meat = new double[p * p];
    double[] v = x.values();
    int cols = x.cols();
    double total = 0;
    int count = rows == null ? x.rows() : rows.length;
    for (int k = 0; k < count; k++) {
      int i = rows == null ? k : rows[k];
      total += w[i];
      double r = y[i] - family.mean(x.dot(i, beta));
      double s = w[i] * w[i] * r * r;
      int base = i * cols;
      for (int a = 0; a < p; a++) {
        double xa = v[base + a] * s;
        for (int b = a; b < p; b++) {
          meat[a * p + b] += xa * v[base + b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        meat[a * p + b] = meat[b * p + a];
      }
    }
    double scale = 1.0 / (total * total);
    for (int i = 0; i < meat.length; i++) {
      meat[i] *= scale;
    }
    return DenseAlgebra.multiply(DenseAlgebra.multiply(bread, meat, p), bread, p);
  }
}
