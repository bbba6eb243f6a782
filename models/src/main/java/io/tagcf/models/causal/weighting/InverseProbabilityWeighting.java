package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.EffectiveSampleSize;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.PropensityScores;
import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.ModelMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Inverse probability weighting with a logistic propensity score, in two forms: Hájek (weights
 * normalised within each arm; reported as "ipw", the one to use) and Horvitz-Thompson (raw
 * weights; "ipw_ht", unbiased in principle but unstable when propensities are small).
 *
 * <p>Rows are weighted by their {@link BalancingWeights}: 1/e for treated and 1/(1-e) for control
 * rows under the ATE, 1 and e/(1-e) under the ATT. Standard errors come from stacking the
 * weighting equations with the logistic score equations (M-estimation), so they account for the
 * propensity having been estimated rather than known. The unit weights returned are the balancing
 * weights (0 for trimmed rows).
 */
public final class InverseProbabilityWeighting implements EffectEstimator {
  private final WeightingOptions options;

  public InverseProbabilityWeighting(WeightingOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public InverseProbabilityWeighting() {
    this(WeightingOptions.defaults());
  }

  public WeightingOptions options() {
    return options;
  }

  @Override
  public Method method() {
    return Method.IPW;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    PropensityScores ps = data.propensity();
    BalancingWeights weights = BalancingWeights.of(ps.scores(), data.treatment(), data.weights(), estimand, options);
    List<String> warnings = new ArrayList<>(ps.warnings());
    String clipWarning = weights.propensity().warning(options);
    if (clipWarning != null) {
      warnings.add(clipWarning);
    }
    Stacked stacked = new Stacked(data, ps, weights, options.trim());
    List<EffectEstimate> out = new ArrayList<>();
    out.add(stacked.effect(Method.IPW, estimand, true, warnings));
    out.add(stacked.effect(Method.IPW_HT, estimand, false, warnings));
    return Estimation.weighted(out, weights.unitWeights());
  }

  /** The weighting estimating equations stacked on the propensity score's. */
  private static final class Stacked {
    private final PreparedData data;
    private final double[] raw;
    private final BalancingWeights weights;
    private final PropensityTrim trim;
    private final double[] bread;
    private final ModelMatrix x;

    Stacked(PreparedData data, PropensityScores ps, BalancingWeights weights, PropensityTrim trim) {
      this.data = data;
      this.raw = ps.scores();
      this.weights = weights;
      this.trim = trim;
      this.bread = ps.model().bread();
      this.x = data.design();
    }

    EffectEstimate effect(Method method, Estimand estimand, boolean hajek, List<String> warnings) {
      double[] t = data.treatment();
      double[] y = data.outcome();
      double[] w = data.weights();
      int n = t.length;
      double[] num1 = new double[n];
      double[] den1 = new double[n];
      double[] slope1 = new double[n];
      double[] num0 = new double[n];
      double[] den0 = new double[n];
      double[] slope0 = new double[n];
      EffectiveSampleSize ess1 = new EffectiveSampleSize();
      EffectiveSampleSize ess0 = new EffectiveSampleSize();
      int nTreated = 0;
      int nControl = 0;
      for (int i = 0; i < n; i++) {
        if (!weights.kept(i)) {
          continue;
        }
        // Hájek means divide by the weights of their own arm. Horvitz-Thompson means divide by
        // all kept rows under the ATE; under the ATT both arms' sums are scaled by the treated
        // weight.
        double htDenominator = estimand == Estimand.ATE || t[i] == 1.0 ? 1 : 0;
        if (t[i] == 1.0) {
          nTreated++;
          num1[i] = weights.weigh(i, y[i]);
          den1[i] = hajek ? weights.factor(i) : htDenominator;
          den0[i] = hajek ? 0 : htDenominator;
          slope1[i] = weights.logitDerivative(i);
          ess1.add(weights.weigh(i, w[i]));
        } else {
          nControl++;
          num0[i] = weights.weigh(i, y[i]);
          den0[i] = hajek ? weights.factor(i) : htDenominator;
          den1[i] = hajek ? 0 : htDenominator;
          slope0[i] = weights.logitDerivative(i);
          ess0.add(weights.weigh(i, w[i]));
        }
      }
      Ratio r1 = ratio(num1, den1, slope1, y, hajek);
      Ratio r0 = ratio(num0, den0, slope0, y, hajek);
      double estimate = r1.value - r0.value;
      double total = 0;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        total += w[i];
        double inf = r1.influence[i] - r0.influence[i];
        sq += w[i] * w[i] * inf * inf;
      }
      double se = Math.sqrt(sq) / total;
      LinkedHashMap<String, Double> details = new LinkedHashMap<>();
      weights.propensity().describeIn(details, trim);
      details.put("ess_treated", ess1.value());
      details.put("ess_control", ess0.value());
      return EffectEstimate.of(
          method, estimand, estimate, se, nTreated, nControl, ess1.value() + ess0.value(), warnings, details);
    }

    private record Ratio(double value, double[] influence) {}

    /**
     * mu = sum w num / sum w den, where num_i - mu den_i has beta-derivative
     * slope_i (y_i - mu) x_i (Hájek) or slope_i y_i x_i (Horvitz-Thompson).
     */
    private Ratio ratio(double[] num, double[] den, double[] slope, double[] y, boolean hajek) {
      double[] w = data.weights();
      double[] t = data.treatment();
      int n = num.length;
      int p = x.cols();
      double total = 0;
      double sn = 0;
      double sd = 0;
      for (int i = 0; i < n; i++) {
        total += w[i];
        sn += w[i] * num[i];
        sd += w[i] * den[i];
      }
      double mu = sn / sd;
      double meanDen = sd / total;
      double[] derivative = new double[p];
      for (int i = 0; i < n; i++) {
        if (slope[i] == 0) {
          continue;
        }
        double c = w[i] * slope[i] * (hajek ? (y[i] - mu) : y[i]);
        for (int a = 0; a < p; a++) {
          derivative[a] += c * x.get(i, a);
        }
      }
      for (int a = 0; a < p; a++) {
        derivative[a] /= total;
      }
      double[] u = DenseAlgebra.multiplyVector(bread, derivative, p);
      double[] influence = new double[n];
      for (int i = 0; i < n; i++) {
        double correction = x.dot(i, u) * (t[i] - raw[i]);
        influence[i] = (num[i] - mu * den[i] + correction) / meanDen;
      }
      return new Ratio(mu, influence);
    }
  }
}
