package io.tagcf.models.causal;

import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.ModelMatrix;
import io.tagcf.models.causal.regression.PenalizedGlm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Regression adjustment (g-computation): one outcome model per arm, then the average predicted
 * difference. Linear for continuous outcomes, logistic for binary outcomes and rates.
 *
 * <p>The standard error is the delta method: the spread of the predicted individual effects plus
 * each arm model's sandwich covariance pushed through the average prediction.
 */
public final class RegressionAdjustment implements EffectEstimator {
  @Override
  public Method method() {
    return Method.RA;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    ModelMatrix x = data.design();
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    ArmRows arms = ArmRows.of(t);
    List<String> warnings = new ArrayList<>();
    int p = x.cols();
    GlmFit fit0 = fitArm(data, arms.control(), "control", warnings);
    double[] v0 = fit0.robustCovariance(x, y, w, arms.control());
    int n = data.size();
    double estimate;
    double variance;
    if (estimand == Estimand.ATE) {
      GlmFit fit1 = fitArm(data, arms.treated(), "treated", warnings);
      double[] v1 = fit1.robustCovariance(x, y, w, arms.treated());
      double total = 0;
      double sum = 0;
      double[] diff = new double[n];
      double[] g1 = new double[p];
      double[] g0 = new double[p];
      for (int i = 0; i < n; i++) {
        double e1 = fit1.linearPredictor(x, i);
        double e0 = fit0.linearPredictor(x, i);
        diff[i] = fit1.family().mean(e1) - fit0.family().mean(e0);
        sum += w[i] * diff[i];
        total += w[i];
        double d1 = w[i] * fit1.family().meanDerivative(e1);
        double d0 = w[i] * fit0.family().meanDerivative(e0);
        for (int a = 0; a < p; a++) {
          g1[a] += d1 * x.get(i, a);
          g0[a] += d0 * x.get(i, a);
        }
      }
      estimate = sum / total;
      double spread = 0;
      for (int i = 0; i < n; i++) {
        double d = diff[i] - estimate;
        spread += w[i] * w[i] * d * d;
      }
      for (int a = 0; a < p; a++) {
        g1[a] /= total;
        g0[a] /= total;
      }
      variance = spread / (total * total)
          + DenseAlgebra.quadratic(g1, v1, g1, p)
          + DenseAlgebra.quadratic(g0, v0, g0, p);
    } else {
      double total = 0;
      double sum = 0;
      double[] g0 = new double[p];
      double[] residual = new double[arms.treated().length];
      int k = 0;
      for (int i : arms.treated()) {
        double e0 = fit0.linearPredictor(x, i);
        residual[k] = y[i] - fit0.family().mean(e0);
        sum += w[i] * residual[k];
        total += w[i];
        double d0 = w[i] * fit0.family().meanDerivative(e0);
        for (int a = 0; a < p; a++) {
          g0[a] += d0 * x.get(i, a);
        }
        k++;
      }
      estimate = sum / total;
      double spread = 0;
      k = 0;
      for (int i : arms.treated()) {
        double d = residual[k++] - estimate;
        spread += w[i] * w[i] * d * d;
      }
      for (int a = 0; a < p; a++) {
        g0[a] /= total;
      }
      variance = spread / (total * total) + DenseAlgebra.quadratic(g0, v0, g0, p);
    }
    LinkedHashMap<String, Double> details = new LinkedHashMap<>();
    details.put("model_columns", (double) (p - 1));
    return Estimation.of(
        EffectEstimate.of(
            Method.RA,
            estimand,
            estimate,
            Math.sqrt(Math.max(variance, 0)),
            arms.treated().length,
            arms.control().length,
            EffectiveSampleSize.of(w),
            warnings,
            details));
  }

  static GlmFit fitArm(PreparedData data, int[] rows, String armName, List<String> warnings) {
    ModelMatrix x = data.design();
    if (rows.length < 2 * x.cols()) {
      warnings.add(
          "only " + rows.length + " " + armName + " rows for " + (x.cols() - 1)
              + " covariates: the " + armName + " outcome model leans on its penalty");
    }
    GlmFit fit = PenalizedGlm.fit(
        x, data.outcome(), data.weights(), rows, data.outcomeFamily(), data.nuisance().lambda());
    if (!fit.converged()) {
      warnings.add("the " + armName + " outcome model did not converge (outcome nearly separated)");
    }
    return fit;
  }
}
