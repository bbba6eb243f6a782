package io.tagcf.models.embedding;

/** Arithmetic on embedding vectors. Vectors are unit length, so the dot product is the cosine. */
public final class UnitVectors {

  private UnitVectors() {}

  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different dimension: " + a.length + " vs " + b.length);
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot;
  }

  /** Scales {@code v} to unit length in place; a zero vector stays zero. */
  public static float[] normaliseInPlace(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum > 0) {
      float inv = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }
}
