package io.tagcf.workflowapi.explanations;

/**
 * How an explanation run ended.
 *
 * @param status {@link #CREATED}, {@link #EXISTING} (stored before) or {@link #NOT_EXPLAINABLE}
 * @param writer llm or template; null when not explainable
 * @param llmOutcome none, passed, rejected or failed; null when not explainable
 * @param detail why it was not explainable; null otherwise
 */
public record ExplanationResult(String videoId, long snapshotId, String language, String status, String writer,
    boolean verified, String llmOutcome, String detail) {

  public static final String CREATED = "created";
  public static final String EXISTING = "existing";
  public static final String NOT_EXPLAINABLE = "not-explainable";

  public static ExplanationResult notExplainable(ExplanationRequest r, String detail) {
    return new ExplanationResult(r.videoId(), r.snapshotId(), r.language(), NOT_EXPLAINABLE, null, false, null, detail);
  }
}
