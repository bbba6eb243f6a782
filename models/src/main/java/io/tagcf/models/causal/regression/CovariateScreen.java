package io.tagcf.models.causal.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops covariates that carry no information of their own before any model sees them: constant
 * columns and columns that are (numerically) linear combinations of earlier ones.
 *
 * <p>The test is a Cholesky factorisation of the weighted correlation matrix taken column by
 * column, like R's {@code lm} aliasing: a column whose R^2 on the kept ones exceeds 1 - 1e-9 is
 * dropped with a warning naming it. Earlier columns win, so the analyst's order decides which of
 * two duplicates survives.
 */
public final class CovariateScreen {
  private static final double COLLINEAR_RESIDUAL = 1e-9;

  /** The kept column indices (in order), the names of the constant columns, one warning per dropped column. */
  public record Result(int[] kept, List<String> constant, List<String> warnings) {}

  private CovariateScreen() {}

  public static Result screen(double[][] columns, List<String> names, double[] weights) {
    int p = columns.length;
    int n = weights.length;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[][] centred = new double[p][];
    boolean[] constant = new boolean[p];
    List<String> warnings = new ArrayList<>();
    List<String> constantNames = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double[] c = columns[j];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += weights[i] * c[i];
      }
      mean /= total;
      double var = 0;
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = c[i] - mean;
        var += weights[i] * z[i] * z[i];
      }
      double sd = Math.sqrt(var / total);
      double scale = Math.max(Math.abs(mean), 1e-300);
      if (!(sd > 1e-12 * scale) || sd == 0) {
        constant[j] = true;
        constantNames.add(names.get(j));
        warnings.add("covariate '" + names.get(j) + "' is constant; dropped");
        continue;
      }
      for (int i = 0; i < n; i++) {
        z[i] /= sd;
      }
      centred[j] = z;
    }
    List<Integer> kept = new ArrayList<>();
    // Rows of the Cholesky factor of the kept columns' correlation matrix.
    List<double[]> factor = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (constant[j]) {
        continue;
      }
      int k = kept.size();
      double[] corr = new double[k];
      for (int a = 0; a < k; a++) {
        corr[a] = weightedDot(centred[kept.get(a)], centred[j], weights) / total;
      }
      double[] row = new double[k + 1];
      double residual = 1.0;
      for (int a = 0; a < k; a++) {
        double s = corr[a];
        double[] fa = factor.get(a);
        for (int b = 0; b < a; b++) {
          s -= fa[b] * row[b];
        }
        row[a] = s / fa[a];
        residual -= row[a] * row[a];
      }
      if (residual < COLLINEAR_RESIDUAL) {
        warnings.add("covariate '" + names.get(j) + "' is collinear with earlier covariates; dropped");
        continue;
      }
      row[k] = Math.sqrt(residual);
      factor.add(row);
      kept.add(j);
    }
    return new Result(kept.stream().mapToInt(Integer::intValue).toArray(), constantNames, warnings);
  }

  private static double weightedDot(double[] a, double[] b, double[] w) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += w[i] * a[i] * b[i];
    }
    return s;
  }
}
