package io.tagcf.models.causal.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optional basis expansion of the covariates for the nuisance models, for when a main-effects
 * model is too rigid: pairwise interactions, or restricted cubic splines (Harrell's form, 4 knots
 * at the 5/35/65/95% quantiles) of every covariate with more than ten distinct values.
 */
public enum FeatureExpansion {
  NONE,
  INTERACTIONS,
  SPLINES;

  /** The expanded columns; the originals come first and keep their names. */
  public Expanded apply(double[][] columns, List<String> names) {
    List<double[]> out = new ArrayList<>(Arrays.asList(columns));
    List<String> outNames = new ArrayList<>(names);
    if (this == INTERACTIONS) {
      for (int a = 0; a < columns.length; a++) {
        for (int b = a + 1; b < columns.length; b++) {
          double[] c = new double[columns[a].length];
          for (int i = 0; i < c.length; i++) {
            c[i] = columns[a][i] * columns[b][i];
          }
          out.add(c);
          outNames.add(names.get(a) + ":" + names.get(b));
        }
      }
    } else if (this == SPLINES) {
      for (int a = 0; a < columns.length; a++) {
        double[] knots = knots(columns[a]);
        if (knots == null) {
          continue;
        }
        for (int j = 0; j < knots.length - 2; j++) {
          out.add(restrictedCubic(columns[a], knots, j));
          outNames.add(names.get(a) + "_rcs" + (j + 1));
        }
      }
    }
    return new Expanded(out.toArray(new double[0][]), outNames);
  }

  /** Expanded covariates and their names. */
  public record Expanded(double[][] columns, List<String> names) {}

  private static double[] knots(double[] column) {
    double[] sorted = column.clone();
    Arrays.sort(sorted);
    int distinct = 1;
    for (int i = 1; i < sorted.length && distinct <= 10; i++) {
      if (sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    if (distinct <= 10) {
      return null;
    }
    double[] q = {0.05, 0.35, 0.65, 0.95};
    double[] k = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      k[i] = sorted[(int) Math.min(sorted.length - 1, Math.round(q[i] * (sorted.length - 1)))];
    }
    for (int i = 1; i < k.length; i++) {
      if (!(k[i] > k[i - 1])) {
        return null;
      }
    }
    return k;
  }

  private static double[] restrictedCubic(double[] x, double[] t, int j) {
    int k = t.length;
    double norm = (t[k - 1] - t[0]) * (t[k - 1] - t[0]);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = cube(x[i] - t[j])
          - cube(x[i] - t[k - 2]) * (t[k - 1] - t[j]) / (t[k - 1] - t[k - 2])
          + cube(x[i] - t[k - 1]) * (t[k - 2] - t[j]) / (t[k - 1] - t[k - 2]);
      out[i] = v / norm;
    }
    return out;
  }

  private static double cube(double v) {
    return v > 0 ? v * v * v : 0;
  }
}
