package io.tagcf.ops.config;

import io.tagcf.store.tags.CandidateQuarantine;

/**
 * Limits on what one creator's uploads can do to everyone else: a candidate tag stays in
 * quarantine until enough creators use it ({@code TAGCF_CANDIDATE_MIN_CREATORS}), and the LLM tags
 * a bounded number of a creator's videos a day ({@code TAGCF_LLM_BUDGET_PER_CREATOR_PER_DAY}).
 *
 * @param llmCallsPerCreatorPerDay LLM tagging calls per creator per UTC day; a video takes two
 */
public record UsageLimits(CandidateQuarantine quarantine, int llmCallsPerCreatorPerDay) {

  public static final int DEFAULT_LLM_CALLS_PER_CREATOR_PER_DAY = 200;

  public UsageLimits {
    if (llmCallsPerCreatorPerDay < 1) {
      throw new IllegalArgumentException("the LLM budget per creator and day must be positive: " + llmCallsPerCreatorPerDay);
    }
  }
}
