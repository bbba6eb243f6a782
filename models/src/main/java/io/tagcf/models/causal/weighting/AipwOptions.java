package io.tagcf.models.causal.weighting;

/**
 * Parameters of {@link AugmentedIpw}.
 *
 * @param folds cross-fitting folds (1 = fit and predict on the same rows)
 * @param weighting propensity bounds of the weighting part
 */
public record AipwOptions(int folds, WeightingOptions weighting) {
  /** K = 5-fold cross-fitting, as in docs/ESTIMATION.md section 2. */
  public static final int DEFAULT_FOLDS = 5;

  public AipwOptions {
    if (folds < 1) {
      throw new IllegalArgumentException("folds must be >= 1");
    }
    if (weighting == null) {
      throw new IllegalArgumentException("weighting options must be given");
    }
  }

  public static AipwOptions defaults() {
    return new AipwOptions(DEFAULT_FOLDS, WeightingOptions.defaults());
  }
}
