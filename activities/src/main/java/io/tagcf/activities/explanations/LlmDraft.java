package io.tagcf.activities.explanations;

import io.tagcf.models.explanations.Explanation;

/** The LLM's explanation before verification, with who wrote it. */
public record LlmDraft(Explanation explanation, String provider, String model, String promptVersion) {}
