package io.tagcf.models.effects;

/**
 * How well treated and control videos overlap in the propensity of carrying the tag.
 *
 * @param essTreated Kish effective sample size of the treated arm's exposure weights
 * @param essControl Kish effective sample size of the control arm's weights (exposures times the
 *     propensity odds), the untagged videos standing in for the tagged ones
 * @param clippedShare share of the tagged videos' exposures on videos whose propensity was clipped
 *     (above 1 - clip)
 */
public record Overlap(double essTreated, double essControl, double clippedShare) {}
