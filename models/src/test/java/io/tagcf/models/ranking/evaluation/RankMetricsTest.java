package io.tagcf.models.ranking.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankMetricsTest {

  @Test
  void ndcgAndRecallOfOneRelevantItem() {
    assertThat(RankMetrics.ndcg(1)).isEqualTo(1.0);
    assertThat(RankMetrics.ndcg(3)).isCloseTo(0.5, within(1e-12));
    assertThat(RankMetrics.ndcg(10)).isCloseTo(1 / (Math.log(11) / Math.log(2)), within(1e-12));
    assertThat(RankMetrics.ndcg(11)).isZero();
    assertThat(RankMetrics.recall(10)).isEqualTo(1.0);
    assertThat(RankMetrics.recall(11)).isZero();
  }

  @Test
  void rankSkipsExcludedItemsAndBreaksTiesBySmallerIndex() {
    float[] base = {0.9f, 0.5f, 0.5f, 0.5f, 0.1f};
    float[] zero = new float[5];
    boolean[] excluded = {true, false, false, false, false};
    // item 0 is excluded; item 2 ties with 1 (smaller index ahead) and 3 (behind)
    assertThat(RankMetrics.rank(2, base, zero, zero, excluded, 0, 0)).isEqualTo(2);
    assertThat(RankMetrics.rank(4, base, zero, zero, excluded, 0, 0)).isEqualTo(4);
    // a tag score lifts item 4 to the top: 0.1 + 1.0 · 0.5 > 0.5
    float[] tag0 = {0, 0, 0, 0, 0.5f};
    assertThat(RankMetrics.rank(4, base, tag0, zero, excluded, 1.0, 0)).isEqualTo(1);
    assertThat(RankMetrics.top(base, tag0, zero, excluded, 1.0, 0)).containsExactly(4, 1, 2, 3);
  }

  @Test
  void topKeepsTheTenBestInOrder() {
    float[] base = new float[30];
    for (int i = 0; i < 30; i++) {
      base[i] = (i * 7) % 30;
    }
    float[] zero = new float[30];
    int[] top = RankMetrics.top(base, zero, zero, new boolean[30], 0, 0);
    assertThat(top).hasSize(10);
    for (int k = 0; k < 10; k++) {
      assertThat(base[top[k]]).isEqualTo(29f - k);
      assertThat(RankMetrics.rank(top[k], base, zero, zero, new boolean[30], 0, 0)).isEqualTo(k + 1);
    }
  }
}
