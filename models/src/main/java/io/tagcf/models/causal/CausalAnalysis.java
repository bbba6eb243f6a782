package io.tagcf.models.causal;

import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.diagnostics.CrumpTrimming;
import io.tagcf.models.causal.diagnostics.OverlapSummary;
import io.tagcf.models.causal.iv.InstrumentalVariables;
import io.tagcf.models.causal.matching.CovariateMatching;
import io.tagcf.models.causal.matching.PropensityScoreMatching;
import io.tagcf.models.causal.nuisance.NuisanceModelException;
import io.tagcf.models.causal.refute.DataSubsetRefuter;
import io.tagcf.models.causal.refute.PlaceboOutcomeRefuter;
import io.tagcf.models.causal.refute.PlaceboTreatmentRefuter;
import io.tagcf.models.causal.refute.RandomCommonCauseRefuter;
import io.tagcf.models.causal.refute.Refutation;
import io.tagcf.models.causal.refute.Refuter;
import io.tagcf.models.causal.sensitivity.Sensitivity;
import io.tagcf.models.causal.sensitivity.SensitivityAnalysis;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import io.tagcf.models.causal.weighting.BalancingWeights;
import io.tagcf.models.causal.weighting.InverseProbabilityWeighting;
import io.tagcf.models.causal.weighting.WeightingOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the requested estimators on one treatment, then the overlap and balance diagnostics and,
 * if asked, the refuters. This is the engine behind {@code tagcf estimate} and the estimation
 * activities. Each estimator is built once with its own options ({@link MethodOptions}).
 */
public final class CausalAnalysis {
  private static final Set<Method> NEEDS_PROPENSITY =
      EnumSet.of(Method.RA, Method.IPW, Method.AIPW, Method.PSM, Method.NNM);

  private final Map<Method, EffectEstimator> estimators = new LinkedHashMap<>();
  private final WeightingOptions balanceWeighting;
  private final List<Refuter> refuters = List.of(
      new PlaceboTreatmentRefuter(), new RandomCommonCauseRefuter(), new DataSubsetRefuter(),
      new PlaceboOutcomeRefuter());

  /** Every estimator with its default options. */
  public CausalAnalysis() {
    this(MethodOptions.defaults());
  }

  public CausalAnalysis(MethodOptions options) {
    for (EffectEstimator e : List.of(
        new DifferenceInMeans(), new RegressionAdjustment(), new InverseProbabilityWeighting(options.ipw()),
        new AugmentedIpw(options.aipw()), new PropensityScoreMatching(options.psm()),
        new CovariateMatching(options.nnm()), new InstrumentalVariables())) {
      estimators.put(e.method(), e);
    }
    // The balance table describes every row, as its "before" column does, so it clips where IPW
    // might trim.
    this.balanceWeighting = options.ipw().clippingOnly();
  }

  /** The estimator that reports the given method (IPW for IPW_HT). */
  public EffectEstimator estimator(Method method) {
    return estimators.get(method.reportedBy());
  }

  /**
   * Runs the analysis on the rows of common support chosen by Crump et al.'s rule
   * ({@link CrumpTrimming}): the propensity is fitted on every row, the rows outside
   * [alpha, 1 - alpha] are dropped, and everything else runs on the rest. The effect is then the
   * ATE of the kept rows, which the report says.
   *
   * @throws CausalInputException for an ATT (the rule is derived for the ATE), or as {@link #run}
   */
  public AnalysisReport runOnCrumpOverlap(CausalData data, AnalysisOptions options) {
    if (options.estimand() != Estimand.ATE) {
      throw new CausalInputException("Crump trimming is derived for the ATE; use the ate estimand with it");
    }
    PreparedData prepared = PreparedData.prepare(data, options.nuisance(), options.seed());
    prepared.requireBinaryTreatment();
    CrumpTrimming trimming = CrumpTrimming.of(prepared.propensity().scores(), prepared.treatment());
    CausalData kept = trimming.kept().length == data.size() ? data : data.subset(trimming.kept());
    return run(kept, options).trimmedBy(trimming);
  }

  /**
   * @throws CausalInputException when the treatment is unusable or there is no overlap
   */
  public AnalysisReport run(CausalData data, AnalysisOptions options) {
    PreparedData prepared = PreparedData.prepare(data, options.nuisance(), options.seed());
    prepared.requireBinaryTreatment();
    Estimand estimand = options.estimand();
    List<String> warnings = new ArrayList<>(prepared.warnings());
    boolean needsPropensity = options.methods().stream().anyMatch(NEEDS_PROPENSITY::contains);
    PropensityScores ps = needsPropensity ? prepared.propensity() : null;
    List<EffectEstimate> results = new ArrayList<>();
    Map<Method, Estimation> byMethod = new LinkedHashMap<>();
    for (Method method : Method.values()) {
      if (!options.methods().contains(method)) {
        continue;
      }
      if (method == Method.IV && data.instruments().length == 0) {
        warnings.add("iv skipped: no instrument given");
        continue;
      }
      try {
        Estimation out = estimators.get(method).estimate(prepared, estimand);
        results.addAll(out.estimates());
        byMethod.put(method, out);
      } catch (NoOverlapException | NuisanceModelException e) {
        throw e;
      } catch (CausalInputException e) {
        warnings.add(method.label() + " failed: " + e.getMessage());
      }
    }
    OverlapSummary overlap = null;
    double[] balancingWeights = null;
    if (ps != null) {
      overlap = OverlapSummary.of(ps.scores(), prepared.treatment(), prepared.weights());
      // Computed whenever a propensity was fitted, whether or not IPW itself was requested.
      balancingWeights = BalancingWeights.of(
          ps.scores(), prepared.treatment(), prepared.weights(), estimand, balanceWeighting).unitWeights();
    }
    Estimation psm = byMethod.get(Method.PSM);
    double[] matchedWeights = psm == null ? null : psm.unitWeights().orElse(null);
    List<CovariateBalance> balance = balance(prepared, balancingWeights, matchedWeights);
    List<Refutation> refutations = new ArrayList<>();
    if (options.refute()) {
      for (Map.Entry<Method, Estimation> entry : byMethod.entrySet()) {
        EffectEstimator estimator = estimators.get(entry.getKey());
        for (Refuter refuter : refuters) {
          if (!refuter.applies(estimator, data)) {
            continue;
          }
          try {
            refutations.addAll(refuter.refute(data, options, estimator, entry.getValue()));
          } catch (CausalInputException e) {
            warnings.add(refuter.name() + " refuter could not run " + entry.getKey().label() + ": " + e.getMessage());
          }
        }
      }
    }
    SensitivityAnalysis sensitivityAnalysis = SensitivityAnalysis.on(prepared);
    List<Sensitivity> sensitivity = results.stream().map(sensitivityAnalysis::of).toList();
    int treated = prepared.treatedCount();
    return new AnalysisReport(estimand, data.size(), treated, data.size() - treated, results, balance, overlap,
        refutations, sensitivity, null, warnings);
  }

  /**
   * Standardised mean differences before adjustment and under the given unit weights.
   *
   * @param weighted balancing weights, or null when no propensity was fitted
   * @param matched PSM's matched-sample weights, or null when it did not run
   */
  private static List<CovariateBalance> balance(PreparedData data, double[] weighted, double[] matched) {
    double[] t = data.treatment();
    double[] w = data.weights();
    List<CovariateBalance> out = new ArrayList<>();
    for (int j = 0; j < data.covariates().length; j++) {
      double[] col = data.covariates()[j];
      double sd = CovariateBalance.pooledSd(col, t, w);
      double before = CovariateBalance.smd(col, t, w, sd);
      Double afterWeighting = weighted == null ? null : CovariateBalance.smd(col, t, weighted, sd);
      Double afterMatching = matched == null ? null : CovariateBalance.smd(col, t, matched, sd);
      out.add(new CovariateBalance(data.covariateNames().get(j), before, afterWeighting, afterMatching));
    }
    return out;
  }
}
