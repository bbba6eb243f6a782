package io.tagcf.models.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Logic expansion of a user's roles through the tag-logic graph (TagCF paper, final ranking stage):
 *
 * <pre>
 *   T(0) = the user's roles with P(t | u) > 0
 *   w_c  = Σ_{t ∈ T(0)} P(c | t)                 over U2I edges t → c
 *   C(1) = { c : w_c > δ }
 *   w_t  = Σ_{c ∈ C(1)} w_c · P(t | c)           over I2U edges c → t
 *   T(1) = the top-k roles by w_t / Σ_t' w_t'
 * </pre>
 *
 * As in the paper every role in T(0) counts fully in w_c (T(0) is already the user's top roles);
 * P(t | u) only decides membership. Roles of T(0) are not removed from T(1): reaching a role again
 * through t → c → t is evidence for it, and the paper's score sums over T(1) as given. A caller
 * that wants only new roles drops T(0)'s keys from the result. Normalisation is over all reached
 * roles before the top-k cut, so the returned values may sum to less than 1. Ties go to the
 * smaller tag id; the result iterates by decreasing weight. No reachable role gives an empty map.
 */
public final class LogicExpansion {

  private LogicExpansion() {}

  public static Map<Long, Double> expand(
      Map<Long, Double> userRoles, Collection<LogicEdge> edges, double delta, int topK) {
    if (userRoles == null) {
      throw new IllegalArgumentException("userRoles must not be null");
    }
    if (edges == null) {
      throw new IllegalArgumentException("edges must not be null");
    }
    if (!(delta >= 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("delta must be finite and non-negative: " + delta);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1: " + topK);
    }
    Map<Long, List<LogicEdge>> u2i = new HashMap<>();
    Map<Long, List<LogicEdge>> i2u = new HashMap<>();
    Set<EdgeKey> seen = new HashSet<>();
    for (LogicEdge e : edges) {
      if (e == null) {
        throw new IllegalArgumentException("edges must not contain null");
      }
      if (!seen.add(new EdgeKey(e.sourceTagId(), e.targetTagId(), e.direction()))) {
        // Edges of several sources (LLM, statistics) must be merged by the caller, who knows how.
        throw new IllegalArgumentException(
            "duplicate " + e.direction() + " edge " + e.sourceTagId() + " -> " + e.targetTagId());
      }
      (e.direction() == LogicDirection.U2I ? u2i : i2u).computeIfAbsent(e.sourceTagId(), k -> new ArrayList<>()).add(e);
    }
    // Sorted maps fix the summation order, so equal inputs give bit-identical outputs.
    userRoles.forEach((role, p) -> {
      if (role == null || p == null || !(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("user role probability must be in [0, 1]: " + role + " -> " + p);
      }
    });
    Map<Long, Double> itemWeights = new TreeMap<>();
    new TreeMap<>(userRoles).forEach((role, p) -> {
      if (p > 0) {
        u2i.getOrDefault(role, List.of()).forEach(e -> itemWeights.merge(e.targetTagId(), e.weight(), Double::sum));
      }
    });
    Map<Long, Double> roleWeights = new TreeMap<>();
    itemWeights.forEach((item, w) -> {
      if (w > delta) {
        i2u.getOrDefault(item, List.of()).forEach(e -> roleWeights.merge(e.targetTagId(), w * e.weight(), Double::sum));
      }
    });
    double total = roleWeights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<Long, Double> out = new LinkedHashMap<>();
    if (!(total > 0)) {
      return out;
    }
    roleWeights.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Long, Double>>comparingDouble(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(topK)
        .forEach(e -> out.put(e.getKey(), e.getValue() / total));
    return out;
  }

  private record EdgeKey(long source, long target, LogicDirection direction) {}
}
