package io.tagcf.models.explanations;

import java.util.List;

/**
 * The explanation that answers, and how it came to: the LLM's draft when it passed the verifier,
 * otherwise the template's text; with the verdict on the answer and on the LLM's draft.
 *
 * @param writer {@link #LLM} or {@link TemplateWriter#WRITER}
 * @param verdict the verifier's verdict on {@code explanation}
 * @param llmOutcome {@link #NO_LLM}, {@link #PASSED}, {@link #REJECTED} or {@link #FAILED}
 * @param llmFindings why the LLM's draft was rejected; empty otherwise
 */
public record Answer(Explanation explanation, String writer, Verdict verdict, String llmOutcome,
    List<Verdict.Finding> llmFindings) {

  public static final String LLM = "llm";
  public static final String NO_LLM = "none";
  public static final String PASSED = "passed";
  public static final String REJECTED = "rejected";
  public static final String FAILED = "failed";

  public Answer {
    llmFindings = List.copyOf(llmFindings);
  }

  /**
   * Chooses the answer: the draft if the verifier passes it, else the template's explanation.
   *
   * @param draft the LLM's explanation; null when no LLM is configured or the call failed
   * @param llmFailed whether an LLM call was made and failed
   */
  public static Answer choose(Evidence evidence, String language, Explanation draft, boolean llmFailed,
      FaithfulnessVerifier verifier, TemplateWriter template) {
    List<Verdict.Finding> rejected = List.of();
    if (draft != null) {
      Verdict verdict = verifier.verify(draft, evidence);
      if (verdict.passed() && language.equals(draft.language())) {
        return new Answer(draft, LLM, verdict, PASSED, List.of());
      }
      rejected = verdict.passed()
          ? List.of(new Verdict.Finding("language", "asked for " + language + ", got " + draft.language()))
          : verdict.findings();
    }
    Explanation fallback = template.write(evidence, language);
    String outcome = draft != null ? REJECTED : llmFailed ? FAILED : NO_LLM;
    return new Answer(fallback, TemplateWriter.WRITER, verifier.verify(fallback, evidence), outcome, rejected);
  }
}
