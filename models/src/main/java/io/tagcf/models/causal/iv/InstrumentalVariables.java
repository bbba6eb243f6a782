package io.tagcf.models.causal.iv;

import io.tagcf.models.causal.CausalInputException;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.EffectiveSampleSize;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.regression.CovariateScreen;
import io.tagcf.models.causal.regression.DenseAlgebra;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Instrumental variables by two-stage least squares, with the covariates as exogenous controls,
 * heteroskedasticity-robust (HC1) standard errors and the first-stage F statistic of the excluded
 * instruments. With one binary instrument and no covariates 2SLS is exactly the Wald estimator
 * (reduced-form difference over first-stage difference), reported as such.
 *
 * <p>The treatment may be binary or continuous here. What IV identifies is the effect for the rows
 * whose treatment the instrument moves (a local average effect); it equals the ATE or ATT only
 * when effects are homogeneous.
 */
public final class InstrumentalVariables implements EffectEstimator {
  /** Stock and Yogo's rule of thumb for a weak first stage. */
  public static final double WEAK_F = 10.0;

  @Override
  public Method method() {
    return Method.IV;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    double[][] instruments = data.data().instruments();
    int q = instruments.length;
    if (q == 0) {
      throw new CausalInputException("iv needs at least one instrument");
    }
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    int n = t.length;
    double[][] controls = data.covariates();
    int c = controls.length;
    // Instruments must add information beyond the controls.
    double[][] joint = new double[c + q][];
    List<String> jointNames = new ArrayList<>(data.covariateNames());
    System.arraycopy(controls, 0, joint, 0, c);
    System.arraycopy(instruments, 0, joint, c, q);
    jointNames.addAll(data.data().instrumentNames());
    CovariateScreen.Result screen = CovariateScreen.screen(joint, jointNames, w);
    List<Integer> kept = new ArrayList<>();
    for (int idx : screen.kept()) {
      kept.add(idx);
    }
    for (int z = 0; z < q; z++) {
      if (!kept.contains(c + z)) {
        throw new CausalInputException("instrument '" + data.data().instrumentNames().get(z)
            + "' is constant or collinear with the covariates: it cannot identify the effect");
      }
    }
    // Design blocks, standardised for conditioning (the treatment keeps its scale).
    double[][] exogenous = standardise(controls, w);
    double[][] excluded = standardise(instruments, w);
    int rows = 0;
    for (double v : w) {
      if (v > 0) {
        rows++;
      }
    }
    // First stage: t on [1, controls, instruments] and on [1, controls].
    double[][] zFull = concat(exogenous, excluded);
    LeastSquares first = LeastSquares.fit(zFull, t, w);
    LeastSquares restricted = LeastSquares.fit(exogenous, t, w);
    double rssU = first.rss();
    double rssR = restricted.rss();
    int kFirst = 1 + c + q;
    if (!(rssR - rssU > 0)) {
      throw new CausalInputException("iv: the instruments do not move the treatment at all (first stage is flat)");
    }
    double fStat = rows > kFirst && rssU > 0
        ? ((rssR - rssU) / q) / (rssU / (rows - kFirst))
        : Double.MAX_VALUE;
    double[] fitted = first.predict(zFull);
    // Second stage on [1, controls, fitted treatment].
    double[][] xHat = concat(exogenous, new double[][] {fitted});
    LeastSquares second = LeastSquares.fit(xHat, y, w);
    double[] beta = second.coefficients();
    int p = beta.length;
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      double pred = beta[0];
      for (int j = 0; j < c; j++) {
        pred += beta[1 + j] * exogenous[j][i];
      }
      pred += beta[p - 1] * t[i];
      residual[i] = y[i] - pred;
    }
    double[] cov = second.robustCovariance(xHat, residual, w);
    double hc1 = rows > p ? rows / (double) (rows - p) : 1.0;
    double se = Math.sqrt(Math.max(0, cov[(p - 1) * p + (p - 1)] * hc1));
    List<String> warnings = new ArrayList<>();
    if (fStat < WEAK_F) {
      warnings.add(String.format(Locale.ROOT,
          "weak instrument: first-stage F = %.2f < %.0f; the estimate and its interval are unreliable",
          fStat, WEAK_F));
    }
    if (estimand == Estimand.ATT) {
      warnings.add("iv estimates the effect for rows whose treatment the instrument moves (a local effect), not the ATT");
    }
    boolean wald = q == 1 && c == 0 && isBinary(instruments[0]);
    LinkedHashMap<String, Double> details = new LinkedHashMap<>();
    details.put("first_stage_f", Math.min(fStat, 1e300));
    details.put("instruments", (double) q);
    details.put("wald", wald ? 1.0 : 0.0);
    int treated = 0;
    for (double v : t) {
      if (v == 1.0) {
        treated++;
      }
    }
    return Estimation.of(EffectEstimate.of(
        Method.IV, estimand, beta[p - 1], se, treated, n - treated, EffectiveSampleSize.of(w), warnings, details));
  }

  private static boolean isBinary(double[] z) {
    for (double v : z) {
      if (v != 0.0 && v != 1.0) {
        return false;
      }
    }
    return true;
  }

  private static double[][] concat(double[][] a, double[][] b) {
    double[][] out = new double[a.length + b.length][];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[][] standardise(double[][] columns, double[] w) {
    double total = 0;
    for (double v : w) {
      total += v;
    }
    double[][] out = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      double[] col = columns[j];
      double mean = 0;
      for (int i = 0; i < col.length; i++) {
        mean += w[i] * col[i];
      }
      mean /= total;
      double var = 0;
      for (int i = 0; i < col.length; i++) {
        var += w[i] * (col[i] - mean) * (col[i] - mean);
      }
      double sd = Math.sqrt(var / total);
      double[] z = new double[col.length];
      for (int i = 0; i < col.length; i++) {
        z[i] = sd > 0 ? (col[i] - mean) / sd : 0;
      }
      out[j] = z;
    }
    return out;
  }

  /** Weighted least squares with an intercept, by the normal equations (columns are screened). */
  private record LeastSquares(double[] coefficients, double[] inverseGram, double rss) {
    static LeastSquares fit(double[][] columns, double[] y, double[] w) {
      int p = columns.length + 1;
      int n = y.length;
      double[] gram = new double[p * p];
      double[] rhs = new double[p];
      double[] row = new double[p];
      for (int i = 0; i < n; i++) {
        row[0] = 1;
        for (int j = 1; j < p; j++) {
          row[j] = columns[j - 1][i];
        }
        for (int a = 0; a < p; a++) {
          double wa = w[i] * row[a];
          rhs[a] += wa * y[i];
          for (int b = a; b < p; b++) {
            gram[a * p + b] += wa * row[b];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          gram[a * p + b] = gram[b * p + a];
        }
      }
      double[] inverse = DenseAlgebra.invertSpd(gram, p);
      if (inverse == null) {
        throw new CausalInputException("iv: the regressors are collinear (cannot solve the least-squares system)");
      }
      double[] beta = DenseAlgebra.multiplyVector(inverse, rhs, p);
      double rss = 0;
      for (int i = 0; i < n; i++) {
        double pred = beta[0];
        for (int j = 1; j < p; j++) {
          pred += beta[j] * columns[j - 1][i];
        }
        double r = y[i] - pred;
        rss += w[i] * r * r;
      }
      return new LeastSquares(beta, inverse, rss);
    }

    double[] predict(double[][] columns) {
      int n = columns.length == 0 ? 0 : columns[0].length;
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        double s = coefficients[0];
        for (int j = 0; j < columns.length; j++) {
          s += coefficients[j + 1] * columns[j][i];
        }
        out[i] = s;
      }
      return out;
    }


    /** Bread (X'WX)^-1, meat sum w^2 u^2 x x'. */
    double[] robustCovariance(double[][] columns, double[] residual, double[] w) {
      int p = coefficients.length;
      double[] meat = new double[p * p];
      double[] row = new double[p];
      for (int i = 0; i < residual.length; i++) {
        row[0] = 1;
        for (int j = 1; j < p; j++) {
          row[j] = columns[j - 1][i];
        }
        double s = w[i] * w[i] * residual[i] * residual[i];
        for (int a = 0; a < p; a++) {
          for (int b = a; b < p; b++) {
            meat[a * p + b] += s * row[a] * row[b];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          meat[a * p + b] = meat[b * p + a];
        }
      }
      return DenseAlgebra.multiply(DenseAlgebra.multiply(inverseGram, meat, p), inverseGram, p);
    }
  }
}
