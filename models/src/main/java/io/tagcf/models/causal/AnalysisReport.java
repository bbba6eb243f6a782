package io.tagcf.models.causal;

import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.diagnostics.CrumpTrimming;
import io.tagcf.models.causal.diagnostics.OverlapSummary;
import io.tagcf.models.causal.refute.Refutation;
import io.tagcf.models.causal.sensitivity.Sensitivity;
import java.util.List;

/**
 * Everything one analysis produced.
 *
 * @param overlap null when no method needed a propensity score
 * @param sensitivity per estimate, how strong an unobserved confounder would have to be to move it to zero
 * @param overlapTrimming the Crump et al. trimming the analysis ran on, or null when it used every row
 * @param warnings analysis-level warnings (dropped covariates, skipped methods)
 */
public record AnalysisReport(
    Estimand estimand,
    int n,
    int nTreated,
    int nControl,
    List<EffectEstimate> results,
    List<CovariateBalance> balance,
    OverlapSummary overlap,
    List<Refutation> refutations,
    List<Sensitivity> sensitivity,
    CrumpTrimming overlapTrimming,
    List<String> warnings) {

  public AnalysisReport {
    results = List.copyOf(results);
    balance = List.copyOf(balance);
    refutations = List.copyOf(refutations);
    sensitivity = List.copyOf(sensitivity);
    warnings = List.copyOf(warnings);
  }

  /** The same report, noting that it was computed on the rows {@code trimming} kept. */
  public AnalysisReport trimmedBy(CrumpTrimming trimming) {
    return new AnalysisReport(estimand, n, nTreated, nControl, results, balance, overlap, refutations, sensitivity,
        trimming, warnings);
  }

  /** The result reported under the given method, or null when it was not run or failed. */
  public EffectEstimate result(Method method) {
    for (EffectEstimate e : results) {
      if (e.method() == method) {
        return e;
      }
    }
    return null;
  }
}
