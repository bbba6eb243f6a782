package io.tagcf.activities.explanations;

/**
 * A stored explanation, in brief.
 *
 * @param created whether this run stored it (false: it was there already)
 * @param writer llm or template
 * @param verified whether the verifier passed the stored text
 * @param llmOutcome none, passed, rejected or failed
 */
public record ExplanationOutcome(String videoId, long snapshotId, String language, boolean created, String writer,
    boolean verified, String llmOutcome) {}
