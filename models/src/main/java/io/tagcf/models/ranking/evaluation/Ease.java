package io.tagcf.models.ranking.evaluation;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019), closed form:
 *
 * <pre>
 *   G = XᵀX + λI,   P = G⁻¹,   B_ij = −P_ij / P_jj (i ≠ j),   B_jj = 0,   score(u, j) = Σ_{i ∈ X_u} B_ij
 * </pre>
 *
 * with X the binary user-item matrix of the training histories (a repeated item counts once). The
 * inverse is dense, n² doubles, and costs O(n³): fine for MovieLens's 1,682 items, out of reach on two
 * cores for tens of thousands (see {@link ItemKnn}).
 */
public final class Ease implements BaseRecommender {

  public static final int MAX_ITEMS = 8_000;

  private final double lambda;

  public Ease(double lambda) {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("EASE lambda must be positive and finite: " + lambda);
    }
    this.lambda = lambda;
  }

  @Override
  public String describe() {
    return "EASE(lambda=" + lambda + ")";
  }

  @Override
  public Fitted fit(List<UserHistory> training, int n) {
    if (n > MAX_ITEMS) {
      throw new IllegalArgumentException("EASE needs a dense " + n + "x" + n + " inverse; use ItemKNN above " + MAX_ITEMS + " items");
    }
    DMatrixRMaj gram = new DMatrixRMaj(n, n);
    double[] g = gram.data;
    for (UserHistory h : training) {
      int[] items = java.util.Arrays.stream(h.items()).distinct().toArray();
      for (int a : items) {
        for (int b : items) {
          g[a * n + b] += 1;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i * n + i] += lambda;
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
    if (!solver.setA(gram)) {
      throw new IllegalStateException("EASE: the regularised Gram matrix is not positive definite");
    }
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    solver.invert(p);
    float[] weights = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        weights[i * n + j] = i == j ? 0f : (float) (-p.data[i * n + j] / p.data[j * n + j]);
      }
    }
    return (history, scores) -> {
      for (int i : java.util.Arrays.stream(history.items()).distinct().toArray()) {
        int row = i * n;
        for (int j = 0; j < n; j++) {
          scores[j] += weights[row + j];
        }
      }
    };
  }
}
