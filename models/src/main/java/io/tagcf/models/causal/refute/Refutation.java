package io.tagcf.models.causal.refute;

import io.tagcf.models.causal.Method;

/**
 * The outcome of one refutation test of one estimate.
 *
 * @param refuter placebo_treatment, random_common_cause, data_subset or placebo_outcome
 * @param method the method the tested estimate is reported under
 * @param original the estimate being tested
 * @param refuted the estimate after the refuter's change to the data (NaN-free; 0 when not run)
 * @param refutedSe its standard error
 * @param passed whether the estimate behaved as a causal estimate should
 * @param detail what was checked, in words
 */
public record Refutation(
    String refuter, Method method, double original, double refuted, double refutedSe, boolean passed, String detail) {}
