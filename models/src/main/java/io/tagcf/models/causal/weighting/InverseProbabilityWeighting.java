package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.EffectiveSampleSize;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.PropensityScores;
import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.ModelMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Inverse probability weighting with a logistic propensity score, in two forms: Hájek (weights
 * normalised within each arm; reported as "ipw", the one to use) and Horvitz-Thompson (raw
 * weights; "ipw_ht", unbiased in principle but unstable when propensities are small).
 *
 * <p>ATE weights are 1/e for treated and 1/(1-e) for control rows; ATT weights are 1 for treated
 * and e/(1-e) for control rows. Standard errors come from stacking the weighting equations with the
 * logistic score equations (M-estimation), so they account for the propensity having been
 * estimated rather than known.
 */
public final class InverseProbabilityWeighting implements EffectEstimator {
  @Override
  public Method method() {
    return Method.IPW;
  }

  @Override
  public List<EffectEstimate> estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    PropensityScores ps = data.propensity();
    double[] w = data.weights();
    ClippedPropensity clipped = ClippedPropensity.of(ps.scores(), w, data.options());
    List<String> warnings = new ArrayList<>(ps.warnings());
    String clipWarning = clipped.warning(data.options());
    if (clipWarning != null) {
      warnings.add(clipWarning);
    }
    Stacked stacked = new Stacked(data, ps, clipped);
    List<EffectEstimate> out = new ArrayList<>();
    out.add(stacked.effect("ipw", estimand, true, warnings));
    out.add(stacked.effect("ipw_ht", estimand, false, warnings));
    return out;
  }

  /** The weighting estimating equations stacked on the propensity score's. */
  private static final class Stacked {
    private final PreparedData data;
    private final double[] raw;
    private final double[] e;
    private final boolean[] kept;
    private final boolean[] moved;
    private final double affectedShare;
    private final double[] bread;
    private final ModelMatrix x;

    Stacked(PreparedData data, PropensityScores ps, ClippedPropensity clipped) {
      this.data = data;
      this.raw = ps.scores();
      this.e = clipped.scores();
      this.kept = clipped.kept();
      this.moved = clipped.moved();
      this.affectedShare = clipped.affectedShare();
      this.bread = ps.model().bread();
      this.x = data.design();
    }

    EffectEstimate effect(String name, Estimand estimand, boolean hajek, List<String> warnings) {
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
        if (!kept[i]) {
          continue;
        }
        double ei = e[i];
        // d(1/e)/d beta = -(1-e)/e x and d(e/(1-e))/d beta = e/(1-e) x; zero where clipped.
        double live = moved[i] ? 0.0 : 1.0;
        if (t[i] == 1.0) {
          nTreated++;
          if (estimand == Estimand.ATE) {
            num1[i] = y[i] / ei;
            den1[i] = hajek ? 1 / ei : 1;
            slope1[i] = -live * (1 - ei) / ei;
            ess1.add(w[i] / ei);
          } else {
            num1[i] = y[i];
            den1[i] = 1;
            ess1.add(w[i]);
          }
        } else {
          nControl++;
          if (estimand == Estimand.ATE) {
            num0[i] = y[i] / (1 - ei);
            den0[i] = hajek ? 1 / (1 - ei) : 1;
            slope0[i] = live * ei / (1 - ei);
            ess0.add(w[i] / (1 - ei));
          } else {
            double odds = ei / (1 - ei);
            num0[i] = odds * y[i];
            den0[i] = hajek ? odds : 0;
            slope0[i] = live * odds;
            ess0.add(w[i] * odds);
          }
        }
        if (estimand == Estimand.ATE && !hajek) {
          // Horvitz-Thompson means divide by all kept rows, not by their arm.
          den1[i] = 1;
          den0[i] = 1;
        }
      }
      if (estimand == Estimand.ATT && !hajek) {
        // ATT Horvitz-Thompson: the control sum is scaled by the treated weight.
        for (int i = 0; i < n; i++) {
          den0[i] = kept[i] && t[i] == 1.0 ? 1 : 0;
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
      details.put(data.options().trim() == io.tagcf.models.causal.EstimationOptions.PropensityTrim.TRIM
          ? "trimmed_share" : "clipped_share", affectedShare);
      details.put("ess_treated", ess1.value());
      details.put("ess_control", ess0.value());
      return EffectEstimate.of(
          name, estimand, estimate, se, nTreated, nControl, ess1.value() + ess0.value(), warnings, details);
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
