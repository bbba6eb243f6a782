package io.tagcf.models.embedding;

import java.util.List;

/**
 * Turns text into unit-length vectors. The port the science depends on; the ONNX implementation
 * lives with the activities so that {@code models} stays free of native runtimes.
 */
public interface Embedder {

  /** Which model produced the vectors; stored with every vector so that models never mix. */
  EmbeddingModelInfo model();

  /** One vector per text, in input order, each of {@code model().dimension()} and unit norm. */
  List<float[]> embedBatch(List<String> texts);

  default float[] embedOne(String text) {
    return embedBatch(List.of(text)).get(0);
  }
}
