package io.tagcf.models.causal.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

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
    double[] means = new double[p];
    double[] sds = new double[p];
    double weightTotal = total;
    IntStream.range(0, p).parallel().forEach(j -> {
      double[] c = columns[j];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += weights[i] * c[i];
      }
      mean /= weightTotal;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double z = c[i] - mean;
        var += weights[i] * z * z;
      }
      means[j] = mean;
      sds[j] = Math.sqrt(var / weightTotal);
    });
    List<String> warnings = new ArrayList<>();
    List<String> constant = new ArrayList<>();
    List<Integer> varying = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double scale = Math.max(Math.abs(means[j]), 1e-300);
      if (!(sds[j] > 1e-12 * scale) || sds[j] == 0) {
        warnings.add("covariate '" + names.get(j) + "' is constant; dropped");
        constant.add(names.get(j));
      } else {
        varying.add(j);
      }
    }
    // Correlations of all varying columns in one blocked pass instead of one pass per pair.
    int q = varying.size();
    double[][] cols = new double[q][];
    double[] m = new double[q];
    double[] s = new double[q];
    for (int k = 0; k < q; k++) {
      cols[k] = columns[varying.get(k)];
      m[k] = means[varying.get(k)];
      s[k] = sds[varying.get(k)];
    }
    double[] gram = StandardisedGram.of(cols, m, s, weights);
    List<Integer> kept = new ArrayList<>();
    List<Integer> keptVarying = new ArrayList<>();
    // Rows of the Cholesky factor of the kept columns' correlation matrix.
    List<double[]> factor = new ArrayList<>();
    for (int v = 0; v < q; v++) {
      int j = varying.get(v);
      int k = kept.size();
      double[] corr = new double[k];
      for (int a = 0; a < k; a++) {
        corr[a] = gram[keptVarying.get(a) * q + v] / total;
      }
      double[] row = new double[k + 1];
      double residual = 1.0;
      for (int a = 0; a < k; a++) {
        double sum = corr[a];
        double[] fa = factor.get(a);
        for (int b = 0; b < a; b++) {
          sum -= fa[b] * row[b];
        }
        row[a] = sum / fa[a];
        residual -= row[a] * row[a];
      }
      if (residual < COLLINEAR_RESIDUAL) {
        warnings.add("covariate '" + names.get(j) + "' is collinear with earlier covariates; dropped");
        continue;
      }
      row[k] = Math.sqrt(residual);
      factor.add(row);
      kept.add(j);
      keptVarying.add(v);
    }
    return new Result(kept.stream().mapToInt(Integer::intValue).toArray(), constant, warnings);
  }
}
