package io.tagcf.models.embedding;

/** A model's stable name and its vector dimension. */
public record EmbeddingModelInfo(String name, int dimension) {
  public EmbeddingModelInfo {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("embedding model name is required");
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("embedding dimension must be positive: " + dimension);
    }
  }
}
