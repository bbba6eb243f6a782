package io.tagcf.models.embedding;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** A video's text embedding with the model that made it. */
public record VideoEmbedding(
    String model,
    int dimension,
    @JsonSerialize(using = PackedFloats.Serializer.class)
    @JsonDeserialize(using = PackedFloats.Deserializer.class)
    float[] vector) {
  public VideoEmbedding {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "vector has " + vector.length + " dimensions, model " + model + " has " + dimension);
    }
  }
}
