package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.CausalInputException;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.EffectiveSampleSize;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.ModelMatrix;
import io.tagcf.models.causal.regression.PenalizedGlm;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Augmented inverse probability weighting (the doubly robust estimator) with K-fold
 * cross-fitting: the propensity and outcome models used for a row are fitted on the other folds.
 *
 * <p>ATE: psi_i = m1(x) - m0(x) + t (y - m1(x)) / e(x) - (1 - t)(y - m0(x)) / (1 - e(x)).
 * ATT: psi_i = [t (y - m0(x)) - (1 - t) e/(1 - e) (y - m0(x))] / P(t = 1).
 * The inverse-probability factors are the {@link BalancingWeights}, on the cross-fitted propensity.
 * The estimate is the weighted mean of psi; the standard error is the spread of psi, which is
 * valid without a correction for the fitted nuisances because the score is Neyman-orthogonal and
 * cross-fitting removes the own-observation overfitting bias. Consistent if either the propensity
 * or the outcome model is right.
 */
public final class AugmentedIpw implements EffectEstimator {
  private final AipwOptions options;

  public AugmentedIpw(AipwOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public AugmentedIpw() {
    this(AipwOptions.defaults());
  }

  public AipwOptions options() {
    return options;
  }

  @Override
  public Method method() {
    return Method.AIPW;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    ModelMatrix x = data.design();
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    int n = t.length;
    int k = options.folds();
    double lambda = data.nuisance().lambda();
    GlmFamily family = data.outcomeFamily();
    int[] fold = k > 1 ? CrossFitFolds.assign(t, k, data.seed()) : new int[n];
    double[] rawE = new double[n];
    double[] m1 = new double[n];
    double[] m0 = new double[n];
    List<String> warnings = new ArrayList<>();
    boolean propensityConverged = true;
    boolean outcomeConverged = true;
    double[] startProp = null;
    double[] start0 = null;
    double[] start1 = null;
    for (int f = 0; f < k; f++) {
      int[] train = rowsWhere(fold, f, false, k > 1);
      int[] test = rowsWhere(fold, f, true, k > 1);
      int[] trainTreated = filter(train, t, 1.0);
      int[] trainControl = filter(train, t, 0.0);
      if (trainTreated.length < 2 || trainControl.length < 2) {
        throw new CausalInputException(
            "aipw: too few treated or control rows to cross-fit with " + k + " folds");
      }
      // Each fold's models start from the previous fold's: the training sets overlap by 3/4.
      GlmFit prop = PenalizedGlm.fit(x, t, w, train, GlmFamily.BINOMIAL, lambda, startProp);
      GlmFit out0 = PenalizedGlm.fit(x, y, w, trainControl, family, lambda, start0);
      GlmFit out1 = estimand == Estimand.ATE
          ? PenalizedGlm.fit(x, y, w, trainTreated, family, lambda, start1) : null;
      startProp = prop.beta();
      start0 = out0.beta();
      start1 = out1 == null ? null : out1.beta();
      propensityConverged &= prop.converged();
      outcomeConverged &= out0.converged() && (out1 == null || out1.converged());
      for (int i : test) {
        rawE[i] = Sigmoid.of(prop.linearPredictor(x, i));
        m0[i] = out0.mean(x, i);
        m1[i] = out1 == null ? 0 : out1.mean(x, i);
      }
    }
    if (!propensityConverged) {
      warnings.add("a cross-fitted propensity model did not converge (near-separation)");
    }
    if (!outcomeConverged) {
      warnings.add("a cross-fitted outcome model did not converge");
    }
    BalancingWeights weights = BalancingWeights.of(rawE, t, w, estimand, options.weighting());
    ClippedPropensity clipped = weights.propensity();
    String clipWarning = clipped.warning(options.weighting());
    if (clipWarning != null) {
      warnings.add(clipWarning);
    }
    boolean[] kept = clipped.kept();
    double[] psi = new double[n];
    double total = 0;
    double treatedWeight = 0;
    double sum = 0;
    int nTreated = 0;
    int nControl = 0;
    EffectiveSampleSize ess1 = new EffectiveSampleSize();
    EffectiveSampleSize ess0 = new EffectiveSampleSize();
    for (int i = 0; i < n; i++) {
      if (!kept[i]) {
        continue;
      }
      if (t[i] == 1.0) {
        nTreated++;
      } else {
        nControl++;
      }
      if (estimand == Estimand.ATE) {
        psi[i] = m1[i] - m0[i]
            + (t[i] == 1.0 ? weights.weigh(i, y[i] - m1[i]) : -weights.weigh(i, y[i] - m0[i]));
      } else {
        psi[i] = t[i] == 1.0 ? weights.weigh(i, y[i] - m0[i]) : -weights.weigh(i, y[i] - m0[i]);
      }
      (t[i] == 1.0 ? ess1 : ess0).add(weights.weigh(i, w[i]));
      total += w[i];
      treatedWeight += w[i] * t[i];
      sum += w[i] * psi[i];
    }
    double estimate;
    double sq = 0;
    if (estimand == Estimand.ATE) {
      estimate = sum / total;
      for (int i = 0; i < n; i++) {
        if (kept[i]) {
          double d = psi[i] - estimate;
          sq += w[i] * w[i] * d * d;
        }
      }
    } else {
      estimate = sum / treatedWeight;
      double share = treatedWeight / total;
      for (int i = 0; i < n; i++) {
        if (kept[i]) {
          double d = (psi[i] - t[i] * estimate) / share;
          sq += w[i] * w[i] * d * d;
        }
      }
    }
    double se = Math.sqrt(sq) / total;
    LinkedHashMap<String, Double> details = new LinkedHashMap<>();
    details.put("folds", (double) k);
    clipped.describeIn(details, options.weighting().trim());
    return Estimation.of(EffectEstimate.of(
        Method.AIPW, estimand, estimate, se, nTreated, nControl, ess1.value() + ess0.value(), warnings, details));
  }

  private static int[] rowsWhere(int[] fold, int f, boolean inFold, boolean crossFit) {
    if (!crossFit) {
      int[] all = new int[fold.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int count = 0;
    for (int v : fold) {
      if ((v == f) == inFold) {
        count++;
      }
    }
    int[] rows = new int[count];
    int c = 0;
    for (int i = 0; i < fold.length; i++) {
      if ((fold[i] == f) == inFold) {
        rows[c++] = i;
      }
    }
    return rows;
  }

  private static int[] filter(int[] rows, double[] t, double arm) {
    int count = 0;
    for (int i : rows) {
      if (t[i] == arm) {
        count++;
      }
    }
    int[] out = new int[count];
    int c = 0;
    for (int i : rows) {
      if (t[i] == arm) {
        out[c++] = i;
      }
    }
    return out;
  }
}
