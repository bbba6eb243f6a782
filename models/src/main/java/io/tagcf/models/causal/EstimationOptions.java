package io.tagcf.models.causal;

import io.tagcf.models.causal.regression.FeatureExpansion;
import io.tagcf.models.causal.regression.PenalizedGlm;
import java.util.EnumSet;
import java.util.Set;

/**
 * Knobs of an analysis. {@link #defaults()} is what the CLI runs; the defaults are the usual
 * textbook choices, documented in docs/ESTIMATION.md.
 *
 * @param folds cross-fitting folds for AIPW (1 = fit and predict on the same rows)
 * @param clip propensities are kept inside [clip, 1 - clip]
 * @param trim what happens to rows outside that band: clipped (kept, propensity bounded) or
 *     trimmed (dropped, which changes the population the effect is about)
 * @param caliper PSM caliper in standard deviations of the logit propensity (0 = none)
 * @param neighbours k of 1:k matching; 0 (the default) lets each method choose: 1, except for
 *     propensity-score matching on rows of unequal weight ({@link #WEIGHTED_PSM_NEIGHBOURS})
 * @param lambda L2 penalty of the nuisance models (mean-loss scale, on standardised covariates)
 * @param matchingWorkBudget covariate matching stops adding query rows once this many
 *     coordinate comparisons were spent (it then reports a subsample)
 * @param varianceNeighbours J of the Abadie-Imbens conditional-variance matching
 */
public record EstimationOptions(
    Estimand estimand,
    Set<Method> methods,
    long seed,
    int folds,
    double clip,
    PropensityTrim trim,
    double caliper,
    int neighbours,
    double lambda,
    FeatureExpansion expansion,
    boolean refute,
    long matchingWorkBudget,
    int varianceNeighbours) {

  /** How propensities outside [clip, 1 - clip] are handled. */
  public enum PropensityTrim {
    CLIP,
    TRIM
  }

  /**
   * Default k of propensity-score matching when row weights differ. Rows at the same propensity
   * differ in the covariates that set their weight; a single nearest row is picked by distance
   * alone, so the matched rows follow the unweighted covariate mix, not the weighted one the
   * propensity balances. Averaging k rows by weight restores it: on the simulated video-level
   * designs (docs/ESTIMATION.md 7.1) 95% coverage went from 26% at k = 1 to 90% at k = 20, and
   * barely moves beyond.
   */
  public static final int WEIGHTED_PSM_NEIGHBOURS = 20;

  public EstimationOptions {
    methods = Set.copyOf(methods);
    if (folds < 1) {
      throw new IllegalArgumentException("folds must be >= 1");
    }
    if (!(clip >= 0 && clip < 0.5)) {
      throw new IllegalArgumentException("clip must be in [0, 0.5)");
    }
    if (neighbours < 0) {
      throw new IllegalArgumentException("neighbours must be >= 1 (or 0 for the method's default)");
    }
    if (!(caliper >= 0)) {
      throw new IllegalArgumentException("caliper must be >= 0 (0 = none)");
    }
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be > 0");
    }
  }

  public static EstimationOptions defaults() {
    return new EstimationOptions(
        Estimand.ATE,
        EnumSet.allOf(Method.class),
        1L,
        5,
        0.01,
        PropensityTrim.CLIP,
        0.2,
        0,
        PenalizedGlm.DEFAULT_LAMBDA,
        FeatureExpansion.NONE,
        false,
        2_000_000_000L,
        2);
  }

  public EstimationOptions withEstimand(Estimand e) {
    return new EstimationOptions(e, methods, seed, folds, clip, trim, caliper, neighbours, lambda, expansion, refute,
        matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withMethods(Set<Method> m) {
    return new EstimationOptions(estimand, m, seed, folds, clip, trim, caliper, neighbours, lambda, expansion, refute,
        matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withSeed(long s) {
    return new EstimationOptions(estimand, methods, s, folds, clip, trim, caliper, neighbours, lambda, expansion,
        refute, matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withFolds(int f) {
    return new EstimationOptions(estimand, methods, seed, f, clip, trim, caliper, neighbours, lambda, expansion,
        refute, matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withClip(double c, PropensityTrim t) {
    return new EstimationOptions(estimand, methods, seed, folds, c, t, caliper, neighbours, lambda, expansion, refute,
        matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withMatching(double cal, int k) {
    return new EstimationOptions(estimand, methods, seed, folds, clip, trim, cal, k, lambda, expansion, refute,
        matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withLambda(double l) {
    return new EstimationOptions(estimand, methods, seed, folds, clip, trim, caliper, neighbours, l, expansion,
        refute, matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withExpansion(FeatureExpansion x) {
    return new EstimationOptions(estimand, methods, seed, folds, clip, trim, caliper, neighbours, lambda, x, refute,
        matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withRefute(boolean r) {
    return new EstimationOptions(estimand, methods, seed, folds, clip, trim, caliper, neighbours, lambda, expansion,
        r, matchingWorkBudget, varianceNeighbours);
  }

  public EstimationOptions withMatchingWorkBudget(long budget) {
    return new EstimationOptions(estimand, methods, seed, folds, clip, trim, caliper, neighbours, lambda, expansion,
        refute, budget, varianceNeighbours);
  }
}
