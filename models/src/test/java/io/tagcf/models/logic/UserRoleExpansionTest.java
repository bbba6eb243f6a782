package io.tagcf.models.logic;

import static io.tagcf.models.logic.LogicDirection.I2U;
import static io.tagcf.models.logic.LogicDirection.U2I;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class UserRoleExpansionTest {

  /** An in-memory graph that records what it was asked for. */
  private static final class RecordingGraph implements LogicEdgeLookup {
    final List<LogicEdge> edges;
    final List<String> reads = new ArrayList<>();

    RecordingGraph(List<LogicEdge> edges) {
      this.edges = edges;
    }

    @Override
    public List<LogicEdge> edgesFrom(LogicDirection direction, Collection<Long> sources) {
      reads.add(direction + " " + new TreeSet<>(sources));
      return edges.stream()
          .filter(e -> e.direction() == direction && sources.contains(e.sourceTagId()))
          .toList();
    }
  }

  private static LogicEdge edge(long source, long target, LogicDirection d, double weight) {
    return new LogicEdge(source, target, d, weight, 0, 0);
  }

  @Test
  void readsTheRolesEdgesThenTheReachedItemTagsEdges() {
    // Role 1 reaches item 10 strongly and item 11 below δ; item 10 leads to roles 1 and 2.
    RecordingGraph graph = new RecordingGraph(List.of(
        edge(1, 10, U2I, 0.5), edge(1, 11, U2I, 0.01), edge(3, 12, U2I, 0.9),
        edge(10, 1, I2U, 0.25), edge(10, 2, I2U, 0.75), edge(11, 4, I2U, 1.0)));

    Map<Long, Double> t1 = UserRoleExpansion.expand(Map.of(1L, 0.8), graph);

    assertThat(graph.reads).containsExactly("U2I [1]", "I2U [10, 11]");
    assertThat(t1.keySet()).containsExactly(2L, 1L);
    assertThat(t1.get(2L)).isCloseTo(0.75, within(1e-12));
    assertThat(t1.get(1L)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void itemTagsAtOrBelowTheThresholdDoNotExpand() {
    double delta = UserRoleExpansion.ITEM_TAG_THRESHOLD;
    RecordingGraph graph = new RecordingGraph(List.of(
        edge(1, 10, U2I, delta), edge(1, 11, U2I, delta + 0.001),
        edge(10, 5, I2U, 1.0), edge(11, 6, I2U, 1.0)));

    assertThat(UserRoleExpansion.expand(Map.of(1L, 1.0), graph)).containsOnlyKeys(6L);
  }

  @Test
  void keepsTheTopExpandedRoles() {
    List<LogicEdge> edges = new ArrayList<>(List.of(edge(1, 10, U2I, 1.0)));
    LongStream.rangeClosed(100, 120).forEach(role -> edges.add(edge(10, role, I2U, 0.04)));

    Map<Long, Double> t1 = UserRoleExpansion.expand(Map.of(1L, 1.0), new RecordingGraph(edges));

    assertThat(t1).hasSize(UserRoleExpansion.EXPANDED_ROLES);
    // Ties go to the smaller tag id.
    assertThat(t1.keySet()).containsExactlyElementsOf(
        LongStream.range(100, 100 + UserRoleExpansion.EXPANDED_ROLES).boxed().toList());
  }

  @Test
  void noRolesOrNoEdgesReadLittleAndExpandToNothing() {
    RecordingGraph graph = new RecordingGraph(List.of());
    assertThat(UserRoleExpansion.expand(Map.of(), graph)).isEmpty();
    assertThat(graph.reads).isEmpty();
    assertThat(UserRoleExpansion.expand(Map.of(7L, 0.5), graph)).isEmpty();
    assertThat(graph.reads).containsExactly("U2I [7]");
  }
}
