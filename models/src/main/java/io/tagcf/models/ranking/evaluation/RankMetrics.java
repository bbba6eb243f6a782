package io.tagcf.models.ranking.evaluation;

/**
 * The metrics of full ranking with one held-out item per user. The target's rank counts the
 * candidates that score higher, and those that score the same with a smaller item index (a fixed,
 * score-independent tie break, so ties neither help nor hurt a method systematically).
 */
public final class RankMetrics {

  public static final int CUTOFF = 10;

  private RankMetrics() {}

  /** NDCG@10 of one relevant item at 1-based {@code rank}: 1 / log2(rank + 1) inside the cut-off. */
  public static double ndcg(int rank) {
    return rank <= CUTOFF ? 1.0 / (Math.log(rank + 1) / Math.log(2)) : 0.0;
  }

  /** Recall@10 (= hit rate) of one relevant item. */
  public static double recall(int rank) {
    return rank <= CUTOFF ? 1.0 : 0.0;
  }

  /**
   * The 1-based rank of {@code target} among the items not {@code excluded}, by
   * {@code base + beta0 · tag0 + beta1 · tag1}.
   */
  public static int rank(int target, float[] base, float[] tag0, float[] tag1, boolean[] excluded, double beta0, double beta1) {
    double s = blend(base[target], tag0[target], tag1[target], beta0, beta1);
    int rank = 1;
    for (int j = 0; j < base.length; j++) {
      if (!excluded[j] && j != target) {
        double v = blend(base[j], tag0[j], tag1[j], beta0, beta1);
        if (v > s || (v == s && j < target)) {
          rank++;
        }
      }
    }
    return rank;
  }

  static double blend(float base, float tag0, float tag1, double beta0, double beta1) {
    return base + beta0 * tag0 + beta1 * tag1;
  }

  /** The top-10 item indices by the blended score, the same tie break. */
  public static int[] top(float[] base, float[] tag0, float[] tag1, boolean[] excluded, double beta0, double beta1) {
    int[] best = new int[CUTOFF];
    double[] score = new double[CUTOFF];
    int size = 0;
    for (int j = 0; j < base.length; j++) {
      if (excluded[j]) {
        continue;
      }
      double v = blend(base[j], tag0[j], tag1[j], beta0, beta1);
      if (size == CUTOFF && v <= score[size - 1]) {
        continue; // equal scores keep the smaller index, which came first
      }
      int at = size < CUTOFF ? size++ : CUTOFF - 1;
      while (at > 0 && score[at - 1] < v) {
        score[at] = score[at - 1];
        best[at] = best[at - 1];
        at--;
      }
      score[at] = v;
      best[at] = j;
    }
    return java.util.Arrays.copyOf(best, size);
  }
}
