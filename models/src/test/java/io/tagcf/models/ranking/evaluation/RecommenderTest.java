package io.tagcf.models.ranking.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RecommenderTest {

  private static UserHistory user(String id, int... items) {
    double[] t = new double[items.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
    }
    return new UserHistory(id, items, t);
  }

  private static final List<UserHistory> TRAIN = List.of(
      user("a", 0, 1), user("b", 0, 1, 2), user("c", 1, 2), user("d", 2, 3), user("e", 0, 1, 1));

  @Test
  void easeMatchesItsClosedFormOnASmallMatrix() {
    double lambda = 2;
    float[] scores = new float[4];
    new Ease(lambda).fit(TRAIN, 4).score(user("x", 0), scores);
    // X with a repeated item counted once; G = XᵀX + λI; B_0j = −P_0j / P_jj
    double[][] x = {{1, 1, 0, 0}, {1, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 1, 1}, {1, 1, 0, 0}};
    DMatrixRMaj xm = new DMatrixRMaj(x);
    DMatrixRMaj g = new DMatrixRMaj(4, 4);
    CommonOps_DDRM.multTransA(xm, xm, g);
    for (int i = 0; i < 4; i++) {
      g.add(i, i, lambda);
    }
    CommonOps_DDRM.invert(g);
    assertThat(scores[0]).isZero();
    for (int j = 1; j < 4; j++) {
      assertThat((double) scores[j]).isCloseTo(-g.get(0, j) / g.get(j, j), within(1e-6));
    }
    assertThat(scores[1]).isGreaterThan(scores[3]);
  }

  @Test
  void itemKnnIsShrunkCosineOverTheKNearest() {
    float[] scores = new float[4];
    new ItemKnn(2, 1).fit(TRAIN, 4).score(user("x", 0), scores);
    // users: item0 {a,b,e}, item1 {a,b,c,e}, item2 {b,c,d}, item3 {d}
    assertThat((double) scores[1]).isCloseTo(3 / (Math.sqrt(3) * Math.sqrt(4) + 1), within(1e-6));
    assertThat((double) scores[2]).isCloseTo(1 / (Math.sqrt(3) * Math.sqrt(3) + 1), within(1e-6));
    assertThat(scores[3]).isZero(); // never co-occurs with item 0
    float[] one = new float[4];
    new ItemKnn(1, 1).fit(TRAIN, 4).score(user("x", 0), one);
    assertThat(one[2]).isZero(); // k = 1 keeps only item 1
    assertThatThrownBy(() -> new Ease(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ItemKnn(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
