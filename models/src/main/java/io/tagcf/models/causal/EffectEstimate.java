package io.tagcf.models.causal;

import io.tagcf.models.causal.nuisance.NuisanceChoice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One estimator's answer: the effect, its uncertainty and the sample it rests on.
 *
 * @param method the method the estimate is reported under (its label is what JSON, CSV and tables show)
 * @param ess effective sample size of the weighting or matching that produced the estimate
 * @param details method-specific numbers (share trimmed, first-stage F, folds, ...)
 * @param nuisanceModels how each cross-fitted nuisance model was chosen (AIPW); empty otherwise
 */
public record EffectEstimate(
    Method method,
    Estimand estimand,
    double estimate,
    double se,
    double ciLow,
    double ciHigh,
    int nTreated,
    int nControl,
    double ess,
    List<String> warnings,
    Map<String, Double> details,
    List<NuisanceChoice> nuisanceModels) {

  /** Two-sided 95% normal quantile. */
  public static final double Z_95 = 1.959963984540054;

  public EffectEstimate {
    warnings = List.copyOf(warnings);
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    nuisanceModels = nuisanceModels == null ? List.of() : List.copyOf(nuisanceModels);
  }

  /**
   * Builds an estimate with a normal 95% interval, refusing non-finite numbers: a NaN that reached
   * an analyst would look like an answer.
   */
  public static EffectEstimate of(
      Method method,
      Estimand estimand,
      double estimate,
      double se,
      int nTreated,
      int nControl,
      double ess,
      List<String> warnings,
      Map<String, Double> details) {
    if (!Double.isFinite(estimate)) {
      throw new CausalInputException(method.label() + ": the estimate is not finite (degenerate data)");
    }
    if (!Double.isFinite(se) || se < 0) {
      throw new CausalInputException(method.label() + ": the standard error is not finite (degenerate data)");
    }
    for (Map.Entry<String, Double> e : details.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalStateException(method.label() + ": detail " + e.getKey() + " is not finite");
      }
    }
    return new EffectEstimate(
        method,
        estimand,
        estimate,
        se,
        estimate - Z_95 * se,
        estimate + Z_95 * se,
        nTreated,
        nControl,
        Double.isFinite(ess) ? ess : 0.0,
        warnings,
        details,
        List.of());
  }

  /** This estimate with the report of how its nuisance models were chosen. */
  public EffectEstimate withNuisanceModels(List<NuisanceChoice> choices) {
    return new EffectEstimate(
        method, estimand, estimate, se, ciLow, ciHigh, nTreated, nControl, ess, warnings, details, choices);
  }

  /** True when the 95% interval excludes zero. */
  public boolean significant() {
    return ciLow > 0 || ciHigh < 0;
  }

  public boolean covers(double value) {
    return ciLow <= value && value <= ciHigh;
  }
}
