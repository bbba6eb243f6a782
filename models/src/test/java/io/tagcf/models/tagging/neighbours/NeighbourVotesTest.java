package io.tagcf.models.tagging.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeighbourVotesTest {

  private static Neighbour n(double sim, String category, String tag) {
    return new Neighbour("k" + sim, sim, category == null ? Set.of() : Set.of(category), tag == null ? Set.of() : Set.of(tag));
  }

  @Test
  void equallyNearNeighboursVoteEqually() {
    NeighbourVotes v = NeighbourVotes.of(List.of(n(0.8, "food", null), n(0.8, "food", null), n(0.8, "pets", "cats")), 0.05, 0);
    assertThat(v.category("food")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(v.category("pets")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(v.tag("cats")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(v.category("news")).isZero();
    assertThat(v.voters()).isEqualTo(3);
  }

  @Test
  void aNearerNeighbourWeighsExponentiallyMore() {
    // a gap of one temperature is a factor e
    NeighbourVotes v = NeighbourVotes.of(List.of(n(0.85, "food", null), n(0.80, "pets", null)), 0.05, 0);
    assertThat(v.category("food") / v.category("pets")).isCloseTo(Math.E, within(1e-9));
    assertThat(v.category("food") + v.category("pets")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void neighboursBelowTheFloorDoNotVote() {
    NeighbourVotes v = NeighbourVotes.of(List.of(n(0.9, "food", null), n(0.3, "pets", null)), 0.05, 0.5);
    assertThat(v.category("food")).isEqualTo(1.0);
    assertThat(v.category("pets")).isZero();
    assertThat(NeighbourVotes.of(List.of(n(0.3, "pets", null)), 0.05, 0.5).voters()).isZero();
    assertThat(NeighbourVotes.of(List.of(), 0.05, 0).voters()).isZero();
  }
}
