package io.tagcf.models.causal;

import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.diagnostics.OverlapSummary;
import io.tagcf.models.causal.refute.Refutation;
import java.util.List;

/**
 * Everything one analysis produced.
 *
 * @param overlap null when no method needed a propensity score
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
    List<String> warnings) {

  public AnalysisReport {
    results = List.copyOf(results);
    balance = List.copyOf(balance);
    refutations = List.copyOf(refutations);
    warnings = List.copyOf(warnings);
  }

  /** The result of the named method ("aipw", "ipw", "ipw_ht", ...), or null. */
  public EffectEstimate result(String method) {
    for (EffectEstimate e : results) {
      if (e.method().equals(method)) {
        return e;
      }
    }
    return null;
  }
}
