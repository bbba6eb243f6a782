package io.tagcf.models.causal.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Small p x p linear algebra on row-major arrays, delegated to EJML. */
public final class DenseAlgebra {
  private DenseAlgebra() {}

  /** Solves A x = b for symmetric positive definite A; null when A is not positive definite. */
  public static double[] solveSpd(double[] a, double[] b, int p) {
    DMatrixRMaj am = DMatrixRMaj.wrap(p, p, a.clone());
    DMatrixRMaj bm = DMatrixRMaj.wrap(p, 1, b.clone());
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
    if (!solver.setA(am)) {
      return null;
    }
    DMatrixRMaj x = new DMatrixRMaj(p, 1);
    solver.solve(bm, x);
    for (double v : x.data) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return x.data;
  }

  /** Inverse of a symmetric positive definite matrix; null when it is not positive definite. */
  public static double[] invertSpd(double[] a, int p) {
    DMatrixRMaj am = DMatrixRMaj.wrap(p, p, a.clone());
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
    if (!solver.setA(am)) {
      return null;
    }
    DMatrixRMaj inv = new DMatrixRMaj(p, p);
    solver.invert(inv);
    for (double v : inv.data) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return inv.data;
  }

  public static double[] multiply(double[] a, double[] b, int p) {
    DMatrixRMaj c = new DMatrixRMaj(p, p);
    CommonOps_DDRM.mult(DMatrixRMaj.wrap(p, p, a), DMatrixRMaj.wrap(p, p, b), c);
    return c.data;
  }

  /** a' M b for p-vectors a, b and a p x p matrix M. */
  public static double quadratic(double[] a, double[] m, double[] b, int p) {
    double s = 0;
    for (int i = 0; i < p; i++) {
      double row = 0;
      for (int j = 0; j < p; j++) {
        row += m[i * p + j] * b[j];
      }
      s += a[i] * row;
    }
    return s;
  }

  public static double[] multiplyVector(double[] m, double[] v, int p) {
    double[] out = new double[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += m[i * p + j] * v[j];
      }
      out[i] = s;
    }
    return out;
  }
}
