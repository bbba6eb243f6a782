package io.tagcf.models.embedding;

/** Arithmetic on embedding vectors. Vectors are unit length, so the dot product is the cosine. */
public final class UnitVectors {

  private UnitVectors() {}

  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different dimension: " + a.length + " vs " + b.length);
    }
    // Four independent sums let the CPU overlap the multiply-adds; the tagger computes thousands
    // of these per video. Float sums of unit vectors of a few hundred dimensions stay well
    // within float precision for similarity ranking.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (int n = a.length - 3; i < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (double) s0 + s1 + s2 + s3;
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
