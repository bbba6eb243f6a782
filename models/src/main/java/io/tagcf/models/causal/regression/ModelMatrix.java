package io.tagcf.models.causal.regression;

import java.util.List;

/**
 * A row-major design matrix with an intercept in column 0 and every covariate standardised
 * (weighted mean 0, weighted SD 1).
 *
 * <p>Standardising once, on the full table, makes the L2 penalty treat covariates alike whatever
 * their units, keeps Newton steps well conditioned, and lets cross-fitting fit on some rows and
 * predict on others from the same matrix.
 */
public final class ModelMatrix {
  private final double[] values;
  private final int rows;
  private final int cols;
  private final double[] means;
  private final double[] scales;
  private final List<String> names;

  private ModelMatrix(double[] values, int rows, int cols, double[] means, double[] scales, List<String> names) {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    this.means = means;
    this.scales = scales;
    this.names = names;
  }

  /** Builds the matrix from column-major covariates, standardising with the given row weights. */
  public static ModelMatrix standardised(double[][] columns, List<String> names, double[] weights) {
    int n = weights.length;
    int p = columns.length;
    int cols = p + 1;
    double[] means = new double[p];
    double[] scales = new double[p];
    double totalWeight = 0;
    for (double w : weights) {
      totalWeight += w;
    }
    for (int j = 0; j < p; j++) {
      double[] c = columns[j];
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += weights[i] * c[i];
      }
      m /= totalWeight;
      double v = 0;
      for (int i = 0; i < n; i++) {
        double d = c[i] - m;
        v += weights[i] * d * d;
      }
      double sd = Math.sqrt(v / totalWeight);
      means[j] = m;
      // A column with no spread carries no information; keeping it at zero leaves the ridge
      // penalty to pin its coefficient at 0 instead of dividing by zero.
      scales[j] = sd > 0 ? sd : Double.POSITIVE_INFINITY;
    }
    double[] values = new double[n * cols];
    for (int i = 0; i < n; i++) {
      values[i * cols] = 1.0;
    }
    for (int j = 0; j < p; j++) {
      double[] c = columns[j];
      double m = means[j];
      double s = scales[j];
      for (int i = 0; i < n; i++) {
        values[i * cols + j + 1] = (c[i] - m) / s;
      }
    }
    return new ModelMatrix(values, n, cols, means, scales, List.copyOf(names));
  }

  public int rows() {
    return rows;
  }

  /** Number of columns including the intercept. */
  public int cols() {
    return cols;
  }

  public double get(int row, int col) {
    return values[row * cols + col];
  }

  /** The raw backing array, row-major; hot loops index it directly. */
  public double[] values() {
    return values;
  }

  public List<String> names() {
    return names;
  }

  /** Linear predictor x_i . beta. */
  public double dot(int row, double[] beta) {
    int base = row * cols;
    double s = 0;
    for (int j = 0; j < cols; j++) {
      s += values[base + j] * beta[j];
    }
    return s;
  }
}
