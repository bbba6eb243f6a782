package io.tagcf.models.effects;

/**
 * The Wald estimate with random-exploration traffic as the instrument: exploration changes how
 * often a segment is shown videos carrying the tag, and (by the exclusion restriction) nothing
 * else that matters for the outcome. Unadjusted and computed from exposure-level counts that are
 * treated as independent.
 *
 * @param firstStageF (shift in treated share between exploration and policy traffic / its SE)^2
 * @param weak F below 10: the instrument barely moves the treatment and the estimate is unreliable
 */
public record InstrumentEstimate(Estimate estimate, double firstStageF, boolean weak) {}
