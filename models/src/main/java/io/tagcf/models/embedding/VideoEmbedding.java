package io.tagcf.models.embedding;

/** A video's text embedding with the model that made it. */
public record VideoEmbedding(String model, int dimension, float[] vector) {
  public VideoEmbedding {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "vector has " + vector.length + " dimensions, model " + model + " has " + dimension);
    }
  }
}
