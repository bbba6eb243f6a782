package io.tagcf.models.causal.regression;

/**
 * One pass of a GLM fit over a block of rows: the weighted loss, its gradient X'w(y - mu) and, when
 * asked, the Hessian X' diag(w mu'(eta)) X as padded upper blocks ({@link RowTile}).
 *
 * <p>Rows are taken in blocks of {@value #BLOCK}, summed in a fixed order, so that results do not
 * depend on the thread count. Every sum adds row after row in row order (the loss across blocks too,
 * from each row's term), the order of the plain loops this replaced: fits match theirs bit for bit.
 */
final class Pass {
  static final int BLOCK = 16_384;

  final double loss;
  final double[] gradient;
  final double[] hessian;
  /** Each row's loss term, summed across blocks by {@link #sum}. */
  private final double[] rowLosses;

  private Pass(double loss, double[] rowLosses, double[] gradient, double[] hessian) {
    this.loss = loss;
    this.rowLosses = rowLosses;
    this.gradient = gradient;
    this.hessian = hessian;
  }

  /** The pass over fitting rows {@code from..to} (positions in {@code rows}, or rows when null). */
  static Pass over(
      ModelMatrix x, double[] y, double[] w, int[] rows, int from, int to, GlmFamily family, double[] beta,
      boolean withHessian) {
    int p = x.cols();
    int padded = RowTile.padded(p);
    RowTile tile = new RowTile(p);
    double[] eta = new double[RowTile.ROWS];
    double[] residual = new double[RowTile.ROWS];
    double[] curvature = new double[RowTile.ROWS];
    double[] gradient = new double[p];
    double[] hessian = withHessian ? new double[padded * padded] : null;
    double[] losses = new double[to - from];
    boolean gaussian = family == GlmFamily.GAUSSIAN;
    for (int start = from; start < to; start += RowTile.ROWS) {
      int end = Math.min(to, start + RowTile.ROWS);
      tile.load(x.values(), rows, start, end);
      tile.linearPredictor(beta, eta);
      for (int r = 0; r < end - start; r++) {
        int i = rows == null ? start + r : rows[start + r];
        double e = eta[r];
        double wi = w[i];
        double yi = y[i];
        if (gaussian) {
          double d = yi - e;
          losses[start - from + r] = wi * 0.5 * d * d;
          residual[r] = wi * d;
          curvature[r] = wi;
        } else {
          // One exponential serves the mean and the loss: exp(-|eta|) never overflows.
          double z = Math.exp(-Math.abs(e));
          double mu = e >= 0 ? 1.0 / (1.0 + z) : z / (1.0 + z);
          double softplus = Math.log1p(z);
          // Bernoulli (quasi-)deviance y log(1+e^-eta) + (1-y) log(1+e^eta); a 0/1 outcome has one term.
          double up = e > 0 ? e + softplus : softplus;
          double down = e > 0 ? softplus : softplus - e;
          losses[start - from + r] = wi * (yi == 1.0 ? down : yi == 0.0 ? up : yi * down + (1 - yi) * up);
          residual[r] = wi * (yi - mu);
          curvature[r] = wi * (mu * (1 - mu));
        }
      }
      tile.addWeightedSums(residual, gradient);
      if (withHessian) {
        tile.addWeightedGram(curvature, hessian);
      }
    }
    return new Pass(Double.NaN, losses, gradient, hessian);
  }

  /** The parts summed in order. */
  static Pass sum(Pass[] parts) {
    double loss = 0;
    for (Pass part : parts) {
      for (double term : part.rowLosses) {
        loss += term;
      }
    }
    double[] gradient = new double[parts[0].gradient.length];
    double[] hessian = parts[0].hessian == null ? null : new double[parts[0].hessian.length];
    for (Pass part : parts) {
      for (int a = 0; a < gradient.length; a++) {
        gradient[a] += part.gradient[a];
      }
      if (hessian != null) {
        for (int a = 0; a < hessian.length; a++) {
          hessian[a] += part.hessian[a];
        }
      }
    }
    return new Pass(loss, null, gradient, hessian);
  }
}
