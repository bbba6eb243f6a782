package io.tagcf.models.causal.weighting;

/**
 * Propensity bounds of the weighting estimators (IPW, the weighting part of AIPW) and of the
 * balance table's weighted column.
 *
 * @param clip propensities are kept inside [clip, 1 - clip]
 * @param trim what happens to rows outside that band: clipped (kept, propensity bounded) or
 *     trimmed (dropped, which changes the population the effect is about)
 */
public record WeightingOptions(double clip, PropensityTrim trim) {
  /** The usual textbook bound; docs/ESTIMATION.md section 2. */
  public static final double DEFAULT_CLIP = 0.01;

  public WeightingOptions {
    if (!(clip >= 0 && clip < 0.5)) {
      throw new IllegalArgumentException("clip must be in [0, 0.5)");
    }
    if (trim == null) {
      throw new IllegalArgumentException("trim must be given (CLIP or TRIM)");
    }
  }

  /** Propensities clipped to [0.01, 0.99]. */
  public static WeightingOptions defaults() {
    return new WeightingOptions(DEFAULT_CLIP, PropensityTrim.CLIP);
  }

  /** The same band, with rows outside it clipped rather than trimmed. */
  public WeightingOptions clippingOnly() {
    return new WeightingOptions(clip, PropensityTrim.CLIP);
  }
}
