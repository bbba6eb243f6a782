package io.tagcf.models.causal;

import java.util.Set;

/**
 * What one {@link CausalAnalysis#run} does: which effect, by which methods, with which seed,
 * whether to refute, and how the shared nuisance models are built. Each estimator's own
 * parameters are in its options record ({@link MethodOptions}). {@link #defaults()} is what the CLI
 * runs; the defaults are documented in docs/ESTIMATION.md.
 *
 * @param methods selectable methods to run ({@link Method#selectable()}); reported variants such
 *     as {@link Method#IPW_HT} come with the method that computes them
 * @param seed seeds every random choice: cross-fitting folds, matching subsamples, refuters
 */
public record AnalysisOptions(
    Estimand estimand, Set<Method> methods, long seed, boolean refute, NuisanceOptions nuisance) {

  public AnalysisOptions {
    if (estimand == null) {
      throw new IllegalArgumentException("estimand must be given");
    }
    if (nuisance == null) {
      throw new IllegalArgumentException("nuisance options must be given");
    }
    methods = Set.copyOf(methods);
    for (Method m : methods) {
      if (!m.selectable()) {
        throw new IllegalArgumentException(
            m.label() + " is reported by " + m.reportedBy().label() + " and cannot be requested on its own");
      }
    }
  }

  /** ATE by every selectable method, seed 1, no refuters, default nuisance models. */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(Estimand.ATE, Method.selectableValues(), 1L, false, NuisanceOptions.defaults());
  }
}
