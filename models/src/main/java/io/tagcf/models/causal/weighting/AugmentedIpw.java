package io.tagcf.models.causal.weighting;

import io.tagcf.models.causal.CausalInputException;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.EffectiveSampleSize;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.nuisance.CrossFittedNuisance;
import io.tagcf.models.causal.nuisance.NuisanceChoice;
import io.tagcf.models.causal.regression.GlmFamily;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>The nuisance models are GLMs, boosted trees, or per model the better of the two
 * ({@link io.tagcf.models.causal.nuisance.NuisanceModel}, from the data's {@link NuisanceOptions}):
 * the outcome models by their cross-validated loss, then the propensity by the balance its weights
 * achieve on the covariates and on the chosen outcome models' predictions ({@link PropensityBalance}).
 * The estimate reports the choice of each model.
 */
public final class AugmentedIpw implements EffectEstimator {
  static final String PROPENSITY = "propensity";
  static final String OUTCOME_CONTROL = "outcome_control";
  static final String OUTCOME_TREATED = "outcome_treated";
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
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    int n = t.length;
    int k = options.folds();
    int[] fold = k > 1 ? CrossFitFolds.assign(t, k, data.seed()) : new int[n];
    requireBothArms(fold, k, t);
    boolean[] all = new boolean[n];
    boolean[] treated = new boolean[n];
    boolean[] control = new boolean[n];
    for (int i = 0; i < n; i++) {
      all[i] = true;
      treated[i] = t[i] == 1.0;
      control[i] = !treated[i];
    }
    NuisanceOptions nuisance = data.nuisance();
    // Outcome models first: the propensity is chosen by how well it balances their predictions.
    CrossFittedNuisance.Fit controlFit = CrossFittedNuisance.fit(data.nuisanceTask(OUTCOME_CONTROL, y,
        data.outcomeFamily()), fold, k, control, nuisance.model(), nuisance.boost());
    CrossFittedNuisance.Fit treatedFit = estimand == Estimand.ATE
        ? CrossFittedNuisance.fit(data.nuisanceTask(OUTCOME_TREATED, y, data.outcomeFamily()), fold, k, treated,
            nuisance.model(), nuisance.boost())
        : null;
    List<double[]> balanced = new ArrayList<>(Arrays.asList(data.covariates()));
    balanced.add(controlFit.predictions());
    if (treatedFit != null) {
      balanced.add(treatedFit.predictions());
    }
    List<CrossFittedNuisance.Fit> fits = new ArrayList<>();
    fits.add(CrossFittedNuisance.fit(data.nuisanceTask(PROPENSITY, t, GlmFamily.BINOMIAL), fold, k, all,
        nuisance.model(), nuisance.boost(), new PropensityBalance(
            balanced.toArray(new double[0][]), t, w, estimand, options.weighting())));
    fits.add(controlFit);
    if (treatedFit != null) {
      fits.add(treatedFit);
    }
    double[] rawE = fits.get(0).predictions();
    double[] m0 = fits.get(1).predictions();
    double[] m1 = estimand == Estimand.ATE ? fits.get(2).predictions() : new double[n];
    List<String> warnings = new ArrayList<>();
    if (!fits.get(0).converged()) {
      warnings.add("a cross-fitted propensity model did not converge (near-separation)");
    }
    if (!fits.stream().skip(1).allMatch(CrossFittedNuisance.Fit::converged)) {
      warnings.add("a cross-fitted outcome model did not converge");
    }
    for (CrossFittedNuisance.Fit fit : fits) {
      if (fit.note() != null) {
        warnings.add(fit.note());
      }
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
    List<NuisanceChoice> choices = fits.stream().map(CrossFittedNuisance.Fit::choice).toList();
    return Estimation.of(EffectEstimate.of(
        Method.AIPW, estimand, estimate, se, nTreated, nControl, ess1.value() + ess0.value(), warnings, details)
        .withNuisanceModels(choices));
  }

  /** Every fold's training part must hold both arms, or an outcome model has nothing to learn from. */
  private static void requireBothArms(int[] fold, int k, double[] t) {
    for (int f = 0; f < k; f++) {
      int treated = 0;
      int control = 0;
      for (int i = 0; i < t.length; i++) {
        if (k == 1 || fold[i] != f) {
          if (t[i] == 1.0) {
            treated++;
          } else {
            control++;
          }
        }
      }
      if (treated < 2 || control < 2) {
        throw new CausalInputException("aipw: too few treated or control rows to cross-fit with " + k + " folds");
      }
    }
  }
}
