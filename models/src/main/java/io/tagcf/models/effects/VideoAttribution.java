package io.tagcf.models.effects;

import io.tagcf.models.interactions.Outcome;

/**
 * What one tag did for one video in one segment: the outcome rate the adjusted model predicts with
 * the tag (the video as it is) and without it, each with a 95% interval from the models' estimation
 * uncertainty, and the observed rate.
 */
public record VideoAttribution(
    String videoId, long tagId, String segment, Outcome outcome, int exposures, double observed,
    Estimate withTag, Estimate withoutTag, Estimate effect) {}
