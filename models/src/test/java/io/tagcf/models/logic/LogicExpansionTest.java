package io.tagcf.models.logic;

import static io.tagcf.models.logic.LogicDirection.I2U;
import static io.tagcf.models.logic.LogicDirection.U2I;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogicExpansionTest {

  private static LogicEdge edge(long source, long target, LogicDirection d, double weight) {
    return new LogicEdge(source, target, d, weight, 1, 1.5);
  }

  /**
   * T(0) = {1, 2}. U2I: 1→10 (.5), 1→11 (.2), 2→10 (.3), 2→12 (.4), and 3→13 from a role the user
   * lacks. w_10 = .8, w_11 = .2, w_12 = .4; δ = .25 leaves C(1) = {10, 12}. I2U: 10→1 (.6),
   * 10→4 (.4), 11→5 (.9, unreached), 12→4 (.5), 12→6 (.25). w_1 = .48, w_4 = .32 + .2 = .52,
   * w_6 = .1; total 1.1.
   */
  private static final List<LogicEdge> EDGES =
      List.of(
          edge(1, 10, U2I, 0.5), edge(1, 11, U2I, 0.2), edge(2, 10, U2I, 0.3), edge(2, 12, U2I, 0.4),
          edge(3, 13, U2I, 0.9),
          edge(10, 1, I2U, 0.6), edge(10, 4, I2U, 0.4), edge(11, 5, I2U, 0.9), edge(12, 4, I2U, 0.5),
          edge(12, 6, I2U, 0.25), edge(13, 7, I2U, 1.0));
  private static final Map<Long, Double> ROLES = Map.of(1L, 0.7, 2L, 0.3);

  @Test
  void handComputedExpansion() {
    Map<Long, Double> t1 = LogicExpansion.expand(ROLES, EDGES, 0.25, 10);
    assertThat(t1.keySet()).containsExactly(4L, 1L, 6L);
    assertThat(t1.get(4L)).isCloseTo(0.52 / 1.1, within(1e-12));
    assertThat(t1.get(1L)).isCloseTo(0.48 / 1.1, within(1e-12));
    assertThat(t1.get(6L)).isCloseTo(0.1 / 1.1, within(1e-12));
  }

  @Test
  void topKCutsAfterNormalising() {
    Map<Long, Double> t1 = LogicExpansion.expand(ROLES, EDGES, 0.25, 2);
    assertThat(t1.keySet()).containsExactly(4L, 1L);
    assertThat(t1.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0 / 1.1, within(1e-12));
  }

  @Test
  void deltaIsAStrictThreshold() {
    // δ = .2 keeps w_11 = .2 out (strict), δ = .19 lets it in and reaches role 5 with .2 · .9.
    assertThat(LogicExpansion.expand(ROLES, EDGES, 0.2, 10)).doesNotContainKey(5L);
    Map<Long, Double> wider = LogicExpansion.expand(ROLES, EDGES, 0.19, 10);
    assertThat(wider.get(5L)).isCloseTo(0.18 / 1.28, within(1e-12));
    assertThat(LogicExpansion.expand(ROLES, EDGES, 0.8, 10)).isEmpty(); // nothing above .8
  }

  @Test
  void rolesWithZeroProbabilityAreNotInTZero() {
    Map<Long, Double> t1 = LogicExpansion.expand(Map.of(1L, 0.7, 2L, 0.3, 3L, 0.0), EDGES, 0.25, 10);
    assertThat(t1).doesNotContainKey(7L);
    assertThat(LogicExpansion.expand(Map.of(), EDGES, 0, 10)).isEmpty();
    assertThat(LogicExpansion.expand(ROLES, List.of(), 0, 10)).isEmpty();
  }

  @Test
  void orderIsDeterministicWithTiesToTheSmallerId() {
    List<LogicEdge> edges =
        new ArrayList<>(List.of(edge(1, 10, U2I, 0.5), edge(10, 9, I2U, 0.5), edge(10, 3, I2U, 0.5)));
    Map<Long, Double> t1 = LogicExpansion.expand(Map.of(1L, 1.0), edges, 0, 5);
    assertThat(t1.keySet()).containsExactly(3L, 9L);
    Collections.reverse(edges);
    assertThat(LogicExpansion.expand(Map.of(1L, 1.0), edges, 0, 5)).containsExactlyEntriesOf(t1);
  }

  @Test
  void expandsThroughAGraphLearntFromCoEngagement() {
    PlantedEngagements world = PlantedEngagements.generate(3, 8, 60, 4, 600, 0.4, 1.0);
    List<LogicEdge> edges = world.fit(new CoEngagementLogic(10, 2, 20));
    long role = PlantedEngagements.ROLE_BASE;
    Map<Long, Double> t1 = LogicExpansion.expand(Map.of(role, 1.0), edges, 0.02, 3);
    // A role's own preferred tags lead back to it first.
    assertThat(t1.keySet().iterator().next()).isEqualTo(role);
    assertThat(t1.values()).allMatch(v -> v > 0 && v <= 1);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> LogicExpansion.expand(null, EDGES, 0, 1)).hasMessageContaining("userRoles");
    assertThatThrownBy(() -> LogicExpansion.expand(ROLES, null, 0, 1)).hasMessageContaining("edges");
    assertThatThrownBy(() -> LogicExpansion.expand(ROLES, EDGES, -0.1, 1)).hasMessageContaining("delta");
    assertThatThrownBy(() -> LogicExpansion.expand(ROLES, EDGES, Double.NaN, 1)).hasMessageContaining("delta");
    assertThatThrownBy(() -> LogicExpansion.expand(ROLES, EDGES, 0, 0)).hasMessageContaining("topK");
    assertThatThrownBy(() -> LogicExpansion.expand(Map.of(1L, 2.0), EDGES, 0, 1))
        .hasMessageContaining("role probability");
    assertThatThrownBy(
            () -> LogicExpansion.expand(ROLES, List.of(edge(1, 10, U2I, 0.5), edge(1, 10, U2I, 0.4)), 0, 1))
        .hasMessageContaining("duplicate U2I edge 1 -> 10");
  }
}
