package io.tagcf.models.ranking;

import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicEdgeLookup;
import io.tagcf.models.logic.LogicExpansion;
import io.tagcf.models.logic.UserRoleExpansion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * T(1) of {@link LogicExpansion} with the path that explains each expanded role t′: the item tag
 * c ∈ C(1) with the largest term w_c · P(t′ | c) of w_t′, and the user's role r ∈ T(0) whose U2I edge
 * P(c | r) to it is the strongest. The weights are {@link LogicExpansion}'s own, so a path never
 * changes a score; ties go to the smaller tag id.
 */
public final class RoleLogicPaths {

  private RoleLogicPaths() {}

  /** T(1) with the serving settings of {@link UserRoleExpansion} (δ, k), the graph read in two hops. */
  public static List<ExpandedRole> expand(Map<Long, Double> roles, LogicEdgeLookup graph) {
    return expand(roles, graph, UserRoleExpansion.ITEM_TAG_THRESHOLD, UserRoleExpansion.EXPANDED_ROLES);
  }

  public static List<ExpandedRole> expand(Map<Long, Double> roles, LogicEdgeLookup graph, double delta, int topK) {
    return roles.isEmpty() ? List.of() : expand(roles, UserRoleExpansion.twoHops(roles, graph), delta, topK);
  }

  public static List<ExpandedRole> expand(Map<Long, Double> roles, List<LogicEdge> edges, double delta, int topK) {
    Map<Long, Double> expanded = LogicExpansion.expand(roles, edges, delta, topK);
    if (expanded.isEmpty()) {
      return List.of();
    }
    // w_c and the strongest role behind it, summed in the expansion's own order (T(0) by id).
    Map<Long, Double> itemWeights = new TreeMap<>();
    Map<Long, LogicEdge> strongestIn = new HashMap<>();
    Map<Long, List<LogicEdge>> i2uByTarget = new HashMap<>();
    for (LogicEdge e : edges) {
      if (e.direction() == LogicDirection.U2I) {
        Double p = roles.get(e.sourceTagId());
        if (p != null && p > 0) {
          itemWeights.merge(e.targetTagId(), e.weight(), Double::sum);
          strongestIn.merge(e.targetTagId(), e, RoleLogicPaths::stronger);
        }
      } else if (expanded.containsKey(e.targetTagId())) {
        i2uByTarget.computeIfAbsent(e.targetTagId(), k -> new ArrayList<>()).add(e);
      }
    }
    List<ExpandedRole> out = new ArrayList<>(expanded.size());
    expanded.forEach((role, weight) -> {
      long via = -1;
      double best = -1;
      for (LogicEdge e : i2uByTarget.getOrDefault(role, List.of())) {
        double wc = itemWeights.getOrDefault(e.sourceTagId(), 0.0);
        if (wc > delta) {
          double term = wc * e.weight();
          if (term > best || (term == best && e.sourceTagId() < via)) {
            best = term;
            via = e.sourceTagId();
          }
        }
      }
      out.add(new ExpandedRole(role, Math.min(1.0, weight), strongestIn.get(via).sourceTagId(), via));
    });
    return out;
  }

  private static LogicEdge stronger(LogicEdge a, LogicEdge b) {
    if (a.weight() != b.weight()) {
      return a.weight() > b.weight() ? a : b;
    }
    return a.sourceTagId() <= b.sourceTagId() ? a : b;
  }
}
