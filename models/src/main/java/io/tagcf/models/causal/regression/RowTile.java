package io.tagcf.models.causal.regression;

/**
 * Up to {@value #ROWS} rows of a row-major design matrix, copied column-major so that the sums
 * over rows a Newton step needs run over contiguous memory: the linear predictor as one axpy per
 * column (which the JIT vectorises), X'c four columns at a time, and X' diag(c) X in 4 x 4
 * register blocks. Every sum still adds row after row in row order, so results equal those of
 * the plain loops bit for bit.
 *
 * <p>The blocked cross-product is what makes a Hessian pass cheap: adding one row's outer product
 * into the p x p matrix loads and stores every entry per row, while a 4 x 4 block keeps 16 sums in
 * registers across the tile and needs 8 loads per 16 multiply-adds (1M x 31 logistic Hessian pass:
 * about 3x faster, measured with {@code tagcf bench estimate}). Columns are padded to a multiple
 * of 4 with zeros; the padded cross-product is {@link #padded(int)} squared, upper blocks only.
 */
final class RowTile {
  static final int ROWS = 256;
  /**
   * Distance between columns: not a power of two, so the columns a row is scattered into fall in
   * different cache sets (with 256 they shared two and the copy ran 3x slower).
   */
  private static final int STRIDE = ROWS + 8;

  private final int cols;
  private final int padded;
  private final double[] x;
  private final double[] scaled;
  private int count;

  RowTile(int cols) {
    this.cols = cols;
    this.padded = padded(cols);
    this.x = new double[padded * STRIDE];
    this.scaled = new double[padded * STRIDE];
  }

  /** The column count rounded up to the block size of the cross-product kernel. */
  static int padded(int cols) {
    return (cols + 3) & ~3;
  }

  /** Rows in the tile. */
  int count() {
    return count;
  }

  /**
   * Copies the design rows {@code rows[from..to)} (rows {@code from..to} when {@code rows} is
   * null) from the row-major {@code values} with {@code cols} columns.
   */
  void load(double[] values, int[] rows, int from, int to) {
    count = to - from;
    for (int r = 0; r < count; r++) {
      int base = (rows == null ? from + r : rows[from + r]) * cols;
      for (int a = 0; a < cols; a++) {
        x[a * STRIDE + r] = values[base + a];
      }
    }
  }

  /**
   * Copies rows {@code from..to} of column-major data, standardised: (columns[a][i] - means[a]) /
   * scales[a], computed exactly as {@link ModelMatrix} and {@link CovariateScreen} do.
   */
  void loadStandardised(double[][] columns, double[] means, double[] scales, int from, int to) {
    count = to - from;
    for (int a = 0; a < cols; a++) {
      double[] c = columns[a];
      double m = means[a];
      double s = scales[a];
      int off = a * STRIDE - from;
      for (int i = from; i < to; i++) {
        x[off + i] = (c[i] - m) / s;
      }
    }
  }

  /** eta[r] = x_r . beta, summed over columns in order (bit for bit {@link ModelMatrix#dot}). */
  void linearPredictor(double[] beta, double[] eta) {
    for (int r = 0; r < count; r++) {
      eta[r] = 0;
    }
    for (int a = 0; a < cols; a++) {
      double b = beta[a];
      int off = a * STRIDE;
      for (int r = 0; r < count; r++) {
        eta[r] += x[off + r] * b;
      }
    }
  }

  /**
   * out[a] += sum_r c[r] x[r][a], adding row after row onto out[a] (the order of a plain loop over
   * rows, so sums match it bit for bit), four columns at a time so the additions overlap.
   */
  void addWeightedSums(double[] c, double[] out) {
    int a = 0;
    for (; a + 3 < cols; a += 4) {
      int o0 = a * STRIDE;
      int o1 = o0 + STRIDE;
      int o2 = o1 + STRIDE;
      int o3 = o2 + STRIDE;
      double s0 = out[a];
      double s1 = out[a + 1];
      double s2 = out[a + 2];
      double s3 = out[a + 3];
      for (int r = 0; r < count; r++) {
        double cr = c[r];
        s0 += x[o0 + r] * cr;
        s1 += x[o1 + r] * cr;
        s2 += x[o2 + r] * cr;
        s3 += x[o3 + r] * cr;
      }
      out[a] = s0;
      out[a + 1] = s1;
      out[a + 2] = s2;
      out[a + 3] = s3;
    }
    for (; a < cols; a++) {
      int off = a * STRIDE;
      double s = out[a];
      for (int r = 0; r < count; r++) {
        s += x[off + r] * c[r];
      }
      out[a] = s;
    }
  }

  /**
   * gram[a * padded + b] += sum_r (x[r][a] c[r]) x[r][b] for the 4 x 4 blocks on and above the
   * diagonal, adding row after row onto the running entry: the products and the order of a plain
   * loop over rows, so the sums match it bit for bit. Entries below the diagonal inside a diagonal
   * block are summed too and are ignored.
   */
  void addWeightedGram(double[] c, double[] gram) {
    for (int a = 0; a < cols; a++) {
      int off = a * STRIDE;
      for (int r = 0; r < count; r++) {
        scaled[off + r] = x[off + r] * c[r];
      }
    }
    for (int a = 0; a < padded; a += 4) {
      for (int b = a; b < padded; b += 4) {
        block(a, b, gram);
      }
    }
  }

  private void block(int a, int b, double[] gram) {
    int a0 = a * STRIDE;
    int a1 = a0 + STRIDE;
    int a2 = a1 + STRIDE;
    int a3 = a2 + STRIDE;
    int b0 = b * STRIDE;
    int b1 = b0 + STRIDE;
    int b2 = b1 + STRIDE;
    int b3 = b2 + STRIDE;
    int g = a * padded + b;
    double s00 = gram[g];
    double s01 = gram[g + 1];
    double s02 = gram[g + 2];
    double s03 = gram[g + 3];
    double s10 = gram[g + padded];
    double s11 = gram[g + padded + 1];
    double s12 = gram[g + padded + 2];
    double s13 = gram[g + padded + 3];
    double s20 = gram[g + 2 * padded];
    double s21 = gram[g + 2 * padded + 1];
    double s22 = gram[g + 2 * padded + 2];
    double s23 = gram[g + 2 * padded + 3];
    double s30 = gram[g + 3 * padded];
    double s31 = gram[g + 3 * padded + 1];
    double s32 = gram[g + 3 * padded + 2];
    double s33 = gram[g + 3 * padded + 3];
    for (int r = 0; r < count; r++) {
      double u0 = scaled[a0 + r];
      double u1 = scaled[a1 + r];
      double u2 = scaled[a2 + r];
      double u3 = scaled[a3 + r];
      double v0 = x[b0 + r];
      double v1 = x[b1 + r];
      double v2 = x[b2 + r];
      double v3 = x[b3 + r];
      s00 += u0 * v0;
      s01 += u0 * v1;
      s02 += u0 * v2;
      s03 += u0 * v3;
      s10 += u1 * v0;
      s11 += u1 * v1;
      s12 += u1 * v2;
      s13 += u1 * v3;
      s20 += u2 * v0;
      s21 += u2 * v1;
      s22 += u2 * v2;
      s23 += u2 * v3;
      s30 += u3 * v0;
      s31 += u3 * v1;
      s32 += u3 * v2;
      s33 += u3 * v3;
    }
    gram[g] = s00;
    gram[g + 1] = s01;
    gram[g + 2] = s02;
    gram[g + 3] = s03;
    g += padded;
    gram[g] = s10;
    gram[g + 1] = s11;
    gram[g + 2] = s12;
    gram[g + 3] = s13;
    g += padded;
    gram[g] = s20;
    gram[g + 1] = s21;
    gram[g + 2] = s22;
    gram[g + 3] = s23;
    g += padded;
    gram[g] = s30;
    gram[g + 1] = s31;
    gram[g + 2] = s32;
    gram[g + 3] = s33;
  }
}
