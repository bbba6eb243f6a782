package io.tagcf.batch.classify;

/**
 * The label chosen for one text. {@code score}: the cosine similarity of the text to the label
 * for the embedding method; null for the LLM, which names a label but gives no calibrated score.
 */
public record Prediction(LabelSet.Label label, Double score) {}
