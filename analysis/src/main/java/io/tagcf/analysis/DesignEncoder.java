package io.tagcf.analysis;

import io.tagcf.models.causal.CausalData;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns loaded CSV columns into estimator input: numeric covariates as given, text covariates
 * one-hot encoded with the first level (in sorted order, as R does) dropped, and vector columns
 * both as an embedding for cosine matching and as numeric components for the models.
 */
public final class DesignEncoder {
  private DesignEncoder() {}

  public static CausalData encode(CsvColumns table, String treatment, String outcome, List<String> covariates,
      List<String> instruments, String weight, String placeboOutcome) {
    double[] t = table.numeric(treatment);
    for (int i = 0; i < t.length; i++) {
      if (t[i] != 0.0 && t[i] != 1.0) {
        throw new BadInputException("treatment column '" + treatment + "' must be 0/1; found " + format(t[i]));
      }
    }
    int treated = 0;
    for (double v : t) {
      treated += v == 1.0 ? 1 : 0;
    }
    if (treated == 0 || treated == t.length) {
      throw new BadInputException("treatment column '" + treatment + "' is constant (every row is "
          + (treated == 0 ? "0" : "1") + "): need treated and control rows");
    }
    CausalData.Builder b = CausalData.builder(t, table.numeric(outcome));
    List<double[][]> embeddings = new ArrayList<>();
    for (String name : covariates) {
      TableColumn column = table.column(name);
      if (column instanceof TableColumn.Numeric n) {
        b.covariate(name, n.values());
      } else if (column instanceof TableColumn.Categorical c) {
        oneHot(b, name, c.codes(), c.levels());
      } else if (column instanceof TableColumn.Vector v) {
        double[][] rows = v.values();
        embeddings.add(rows);
        for (int d = 0; d < rows[0].length; d++) {
          double[] col = new double[rows.length];
          for (int i = 0; i < rows.length; i++) {
            col[i] = rows[i][d];
          }
          b.covariate(name + "[" + d + "]", col);
        }
      }
    }
    if (!embeddings.isEmpty()) {
      b.embedding(concatenate(embeddings));
    }
    for (String name : instruments) {
      if (!(table.column(name) instanceof TableColumn.Numeric z)) {
        throw new BadInputException("instrument column '" + name + "' is not numeric");
      }
      b.instrument(name, z.values());
    }
    if (weight != null) {
      double[] w = table.numeric(weight);
      for (double v : w) {
        if (v < 0) {
          throw new BadInputException("weight column '" + weight + "' has a negative value: " + format(v));
        }
      }
      b.weights(w);
    }
    if (placeboOutcome != null) {
      b.placeboOutcome(table.numeric(placeboOutcome));
    }
    return b.build();
  }

  private static void oneHot(CausalData.Builder b, String name, int[] codes, List<String> levels) {
    List<String> sorted = new ArrayList<>(levels);
    sorted.sort(null);
    if (sorted.size() > 1000) {
      throw new BadInputException("categorical column '" + name + "' has " + sorted.size()
          + " levels; more than 1000 is almost certainly an identifier, not a covariate");
    }
    for (int l = 1; l < sorted.size(); l++) {
      int code = levels.indexOf(sorted.get(l));
      double[] col = new double[codes.length];
      for (int i = 0; i < codes.length; i++) {
        col[i] = codes[i] == code ? 1 : 0;
      }
      b.covariate(name + "=" + sorted.get(l), col);
    }
    if (sorted.size() == 1) {
      // A single level carries no information; keeping one all-zero column lets the screen say so.
      b.covariate(name + "=" + sorted.get(0), new double[codes.length]);
    }
  }

  private static double[][] concatenate(List<double[][]> parts) {
    int n = parts.get(0).length;
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      int length = 0;
      for (double[][] p : parts) {
        length += p[i].length;
      }
      double[] row = new double[length];
      int offset = 0;
      for (double[][] p : parts) {
        System.arraycopy(p[i], 0, row, offset, p[i].length);
        offset += p[i].length;
      }
      out[i] = row;
    }
    return out;
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
