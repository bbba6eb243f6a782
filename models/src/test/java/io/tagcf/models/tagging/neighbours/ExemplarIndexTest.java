package io.tagcf.models.tagging.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.embedding.UnitVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExemplarIndexTest {

  private static float[] random(Random r, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return UnitVectors.normaliseInPlace(v);
  }

  @Test
  void findsTheSameNeighboursAsSortingEverything() {
    Random r = new Random(7);
    List<LabelledExemplar> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      all.add(new LabelledExemplar("e" + i, random(r, 32), Set.of("c" + (i % 5)), Set.of()));
    }
    ExemplarIndex index = new ExemplarIndex(all);
    for (int q = 0; q < 20; q++) {
      float[] query = random(r, 32);
      List<String> expected = all.stream()
          .sorted(Comparator.comparingDouble((LabelledExemplar e) -> -UnitVectors.cosine(query, e.vector())))
          .limit(10).map(LabelledExemplar::key).toList();
      List<Neighbour> got = index.nearest(query, 10, null);
      assertThat(got).extracting(Neighbour::key).containsExactlyElementsOf(expected);
      for (int i = 1; i < got.size(); i++) {
        assertThat(got.get(i).similarity()).isLessThanOrEqualTo(got.get(i - 1).similarity());
      }
    }
  }

  @Test
  void aVideoIsNeverItsOwnNeighbour() {
    float[] v = {1, 0};
    float[] w = UnitVectors.normaliseInPlace(new float[] {1, 1});
    ExemplarIndex index = new ExemplarIndex(List.of(
        new LabelledExemplar("self", v, Set.of("food"), Set.of()), new LabelledExemplar("other", w, Set.of("pets"), Set.of())));
    List<Neighbour> got = index.nearest(v, 5, "self");
    assertThat(got).extracting(Neighbour::key).containsExactly("other");
    assertThat(got.get(0).similarity()).isCloseTo(Math.sqrt(0.5), within(1e-6));
    assertThat(got.get(0).categories()).containsExactly("pets");
    assertThat(index.nearest(v, 0, null)).isEmpty();
  }

  @Test
  void anExemplarNeedsALabel() {
    assertThatThrownBy(() -> new LabelledExemplar("x", new float[] {1}, Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
  }
}
