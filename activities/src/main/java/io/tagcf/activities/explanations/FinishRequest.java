package io.tagcf.activities.explanations;

import io.tagcf.models.explanations.Evidence;

/**
 * Verify, fall back where needed, and store.
 *
 * @param draft the LLM's draft; null when there is none
 * @param llmFailure the failed LLM call's failure type (e.g. LlmTransient); null when it did not fail
 */
public record FinishRequest(ExplanationTarget target, Evidence evidence, LlmDraft draft, String llmFailure) {}
