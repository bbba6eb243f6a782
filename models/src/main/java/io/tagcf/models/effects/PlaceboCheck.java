package io.tagcf.models.effects;

/**
 * The placebo-treatment refuter: the same estimator with the tag moved to randomly chosen videos
 * (same count). A causal estimate's placebo should be indistinguishable from zero.
 */
public record PlaceboCheck(Estimate placebo, boolean passed) {}
