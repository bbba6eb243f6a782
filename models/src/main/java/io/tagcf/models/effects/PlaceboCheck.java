package io.tagcf.models.effects;

/**
 * The placebo-treatment refuter: the same estimator with the tag moved to randomly chosen videos
 * (same count). A causal estimate's placebo should be indistinguishable from zero.
 *
 * @param placebo the placebo estimate; null when the randomly chosen videos include none of the
 *     videos exposed in the segment, or all of them, so that there was nothing to compare
 * @param passed the placebo's 95% interval contains zero; false when there was no placebo
 */
public record PlaceboCheck(Estimate placebo, boolean passed) {}
