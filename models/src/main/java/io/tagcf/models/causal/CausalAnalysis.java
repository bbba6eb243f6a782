package io.tagcf.models.causal;

import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.diagnostics.OverlapSummary;
import io.tagcf.models.causal.iv.InstrumentalVariables;
import io.tagcf.models.causal.matching.CovariateMatching;
import io.tagcf.models.causal.matching.PropensityScoreMatching;
import io.tagcf.models.causal.refute.DataSubsetRefuter;
import io.tagcf.models.causal.refute.PlaceboOutcomeRefuter;
import io.tagcf.models.causal.refute.PlaceboTreatmentRefuter;
import io.tagcf.models.causal.refute.RandomCommonCauseRefuter;
import io.tagcf.models.causal.refute.Refutation;
import io.tagcf.models.causal.refute.Refuter;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import io.tagcf.models.causal.weighting.ClippedPropensity;
import io.tagcf.models.causal.weighting.InverseProbabilityWeighting;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the requested estimators on one treatment, then the overlap and balance diagnostics and,
 * if asked, the refuters. This is the engine behind {@code tagcf estimate} and the estimation
 * activities.
 */
public final class CausalAnalysis {
  private static final Set<Method> NEEDS_PROPENSITY =
      EnumSet.of(Method.RA, Method.IPW, Method.AIPW, Method.PSM, Method.NNM);

  private final Map<Method, EffectEstimator> estimators = new LinkedHashMap<>();
  private final List<Refuter> refuters = List.of(
      new PlaceboTreatmentRefuter(), new RandomCommonCauseRefuter(), new DataSubsetRefuter(),
      new PlaceboOutcomeRefuter());

  public CausalAnalysis() {
    for (EffectEstimator e : List.of(
        new DifferenceInMeans(), new RegressionAdjustment(), new InverseProbabilityWeighting(), new AugmentedIpw(),
        new PropensityScoreMatching(), new CovariateMatching(), new InstrumentalVariables())) {
      estimators.put(e.method(), e);
    }
  }

  public EffectEstimator estimator(Method method) {
    return estimators.get(method);
  }

  /**
   * @throws CausalInputException when the treatment is unusable or there is no overlap
   */
  public AnalysisReport run(CausalData data, EstimationOptions options) {
    PreparedData prepared = PreparedData.prepare(data, options);
    prepared.requireBinaryTreatment();
    Estimand estimand = options.estimand();
    List<String> warnings = new ArrayList<>(prepared.warnings());
    boolean needsPropensity = options.methods().stream().anyMatch(NEEDS_PROPENSITY::contains);
    PropensityScores ps = needsPropensity ? prepared.propensity() : null;
    List<EffectEstimate> results = new ArrayList<>();
    Map<Method, List<EffectEstimate>> byMethod = new LinkedHashMap<>();
    double[] matchedWeights = null;
    for (Method method : Method.values()) {
      if (!options.methods().contains(method)) {
        continue;
      }
      if (method == Method.IV && data.instruments().length == 0) {
        warnings.add("iv skipped: no instrument given");
        continue;
      }
      try {
        List<EffectEstimate> out;
        if (method == Method.PSM) {
          PropensityScoreMatching.Outcome o = ((PropensityScoreMatching) estimators.get(method)).run(prepared, estimand);
          matchedWeights = o.unitWeights();
          out = List.of(o.estimate());
        } else {
          out = estimators.get(method).estimate(prepared, estimand);
        }
        results.addAll(out);
        byMethod.put(method, out);
      } catch (NoOverlapException e) {
        throw e;
      } catch (CausalInputException e) {
        warnings.add(method.label() + " failed: " + e.getMessage());
      }
    }
    OverlapSummary overlap = null;
    List<CovariateBalance> balance = new ArrayList<>();
    if (ps != null) {
      overlap = OverlapSummary.of(ps.scores(), prepared.treatment(), prepared.weights());
      balance = balance(prepared, ps, estimand, matchedWeights);
    } else {
      balance = balance(prepared, null, estimand, null);
    }
    List<Refutation> refutations = new ArrayList<>();
    if (options.refute()) {
      for (Map.Entry<Method, List<EffectEstimate>> entry : byMethod.entrySet()) {
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
    int treated = prepared.treatedCount();
    return new AnalysisReport(
        estimand, data.size(), treated, data.size() - treated, results, balance, overlap, refutations, warnings);
  }

  private static List<CovariateBalance> balance(
      PreparedData data, PropensityScores ps, Estimand estimand, double[] matchedWeights) {
    double[] t = data.treatment();
    double[] w = data.weights();
    double[] ipw = null;
    if (ps != null) {
      double[] e = ClippedPropensity.of(ps.scores(), w, data.options()).scores();
      ipw = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        if (estimand == Estimand.ATE) {
          ipw[i] = w[i] * (t[i] == 1.0 ? 1 / e[i] : 1 / (1 - e[i]));
        } else {
          ipw[i] = w[i] * (t[i] == 1.0 ? 1 : e[i] / (1 - e[i]));
        }
      }
    }
    List<CovariateBalance> out = new ArrayList<>();
    for (int j = 0; j < data.covariates().length; j++) {
      double[] col = data.covariates()[j];
      double sd = CovariateBalance.pooledSd(col, t, w);
      double before = CovariateBalance.smd(col, t, w, sd);
      Double weighted = ipw == null ? null : CovariateBalance.smd(col, t, ipw, sd);
      Double matched = matchedWeights == null ? null : CovariateBalance.smd(col, t, matchedWeights, sd);
      out.add(new CovariateBalance(data.covariateNames().get(j), before, weighted, matched));
    }
    return out;
  }
}
