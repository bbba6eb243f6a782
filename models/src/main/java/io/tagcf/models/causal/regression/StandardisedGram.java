package io.tagcf.models.causal.regression;

import java.util.stream.IntStream;

/**
 * sum_i w_i z_ia z_ib over all rows for standardised columns z_a = (c_a - mean_a) / scale_a, in
 * row blocks on all cores with {@link RowTile}'s blocked kernel, summed in a fixed order so the
 * result does not depend on the thread count.
 */
final class StandardisedGram {
  private StandardisedGram() {}

  /** The p x p matrix (row-major, symmetric) for p = columns.length. */
  static double[] of(double[][] columns, double[] means, double[] scales, double[] weights) {
    int p = columns.length;
    int n = weights.length;
    int padded = RowTile.padded(p);
    int blocks = (n + Pass.BLOCK - 1) / Pass.BLOCK;
    double[][] parts = new double[blocks][];
    IntStream stream = IntStream.range(0, blocks);
    if (blocks > 1) {
      stream = stream.parallel();
    }
    stream.forEach(b -> {
      RowTile tile = new RowTile(p);
      double[] w = new double[RowTile.ROWS];
      double[] gram = new double[padded * padded];
      int end = Math.min(n, (b + 1) * Pass.BLOCK);
      for (int start = b * Pass.BLOCK; start < end; start += RowTile.ROWS) {
        int to = Math.min(end, start + RowTile.ROWS);
        tile.loadStandardised(columns, means, scales, start, to);
        System.arraycopy(weights, start, w, 0, to - start);
        tile.addWeightedGram(w, gram);
      }
      parts[b] = gram;
    });
    double[] out = new double[p * p];
    for (double[] part : parts) {
      for (int a = 0; a < p; a++) {
        for (int c = a; c < p; c++) {
          out[a * p + c] += part[a * padded + c];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int c = 0; c < a; c++) {
        out[a * p + c] = out[c * p + a];
      }
    }
    return out;
  }
}
