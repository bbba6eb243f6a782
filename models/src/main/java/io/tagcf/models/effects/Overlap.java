package io.tagcf.models.effects;

/**
 * How well treated and control videos overlap in the propensity of carrying the tag.
 *
 * @param essTreated Kish effective sample size of the treated arm's inverse-propensity weights
 * @param essControl the same for the control arm
 * @param clippedShare share of the segment's exposures whose video's propensity was clipped
 */
public record Overlap(double essTreated, double essControl, double clippedShare) {}
