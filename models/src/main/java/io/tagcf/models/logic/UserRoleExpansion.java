package io.tagcf.models.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The logic expansion T(1) of a user's roles as the read API serves it: the settings of
 * {@link LogicExpansion} it uses, and the two hops of the logic graph it reads.
 */
public final class UserRoleExpansion {

  /**
   * δ: an item tag joins C(1) when the U2I weights reaching it from all of the user's roles sum to
   * more than this. The weights are conditional probabilities P(item tag | role), and statistical
   * edges are smoothed, so every role points weakly at many item tags; 2% drops that long tail
   * while keeping any item tag that one role points at with a weight worth reading.
   */
  public static final double ITEM_TAG_THRESHOLD = 0.02;

  /**
   * k: how many expanded roles are returned. Role identification keeps the top ten roles of a user
   * (UserRoleSchedule's RoleRequest), and T(1) is cut to the same length so that a client can show
   * T(0) and T(1) side by side.
   */
  public static final int EXPANDED_ROLES = 10;

  private UserRoleExpansion() {}

  /**
   * T(1) for a user with role probabilities {@code roles} (T(0)), most weight first. The graph is
   * read twice: the U2I edges leaving the roles, then the I2U edges leaving the item tags those
   * reach. No roles read nothing and give an empty map.
   */
  public static Map<Long, Double> expand(Map<Long, Double> roles, LogicEdgeLookup graph) {
    if (roles.isEmpty()) {
      return Map.of();
    }
    return LogicExpansion.expand(roles, twoHops(roles, graph), ITEM_TAG_THRESHOLD, EXPANDED_ROLES);
  }

  /** The edges an expansion of {@code roles} reads: U2I leaving the roles, I2U leaving the item tags reached. */
  public static List<LogicEdge> twoHops(Map<Long, Double> roles, LogicEdgeLookup graph) {
    List<LogicEdge> edges = new ArrayList<>(graph.edgesFrom(LogicDirection.U2I, roles.keySet()));
    Set<Long> reached = edges.stream().map(LogicEdge::targetTagId).collect(Collectors.toSet());
    if (!reached.isEmpty()) {
      edges.addAll(graph.edgesFrom(LogicDirection.I2U, reached));
    }
    return edges;
  }
}
