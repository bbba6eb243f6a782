package io.tagcf.store.explanations;

import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.Explanation;
import io.tagcf.models.explanations.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * One explanation as stored: the text, who wrote it, the verifier's verdict on it, what became of
 * the LLM's draft, and the evidence it was written from.
 *
 * @param writer llm or template
 * @param verdict the verifier's verdict on the stored text
 * @param llmOutcome none (no LLM configured), passed, rejected (by the verifier) or failed (the call)
 * @param llmFindings why the verifier rejected the LLM's draft; empty unless rejected
 * @param llmFailure the failed call's code (e.g. LlmTransient); null unless failed
 * @param createdAt null before it is stored
 */
public record StoredExplanation(
    String videoId, long snapshotId, String language, String writer, String writerModel, String promptVersion,
    Verdict verdict, String llmOutcome, List<Verdict.Finding> llmFindings, String llmFailure,
    Explanation explanation, Evidence evidence, Instant createdAt) {

  public StoredExplanation {
    llmFindings = List.copyOf(llmFindings);
  }
}
