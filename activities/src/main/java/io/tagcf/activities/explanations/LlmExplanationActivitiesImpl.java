package io.tagcf.activities.explanations;

import io.tagcf.activities.llm.LlmFailureClassifier;
import io.tagcf.activities.llm.TemporalLlmFailures;
import io.tagcf.models.explanations.Evidence;

/** Calls the {@link LlmExplanationWriter}; a failure leaves as a Temporal failure of its kind. */
public final class LlmExplanationActivitiesImpl implements LlmExplanationActivities {

  private final LlmExplanationWriter writer;

  public LlmExplanationActivitiesImpl(LlmExplanationWriter writer) {
    this.writer = writer;
  }

  @Override
  public LlmDraft draftExplanation(Evidence evidence, String language) {
    try {
      return writer.draft(evidence, language);
    } catch (RuntimeException e) {
      throw TemporalLlmFailures.toApplicationFailure(LlmFailureClassifier.classify(e));
    }
  }
}
