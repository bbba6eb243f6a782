package io.tagcf.models.evaluation;

/** Tagging quality for one tag kind at cut-off k, averaged over {@code videos} gold videos. */
public record KindScores(int k, double precision, double recall, double f1, int videos) {
  public KindScores {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    check("precision", precision);
    check("recall", recall);
    check("f1", f1);
    if (videos < 0) {
      throw new IllegalArgumentException("videos must be non-negative: " + videos);
    }
  }

  private static void check(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }
}
