package io.tagcf.models.ranking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ranking scores know about a user, precomputed by the roles workflow:
 *
 * @param interest P(c | u) over item tags, from the item tags of the user's engagements,
 *     recency-weighted ({@link io.tagcf.models.roles.RoleIdentification} over item tags)
 * @param roles P(t | u) over role (audience) tags: T(0)
 * @param expanded T(1), the logic expansion of T(0), each role with its best path
 */
public record UserTagProfile(Map<Long, Double> interest, Map<Long, Double> roles, List<ExpandedRole> expanded) {

  public static final UserTagProfile EMPTY = new UserTagProfile(Map.of(), Map.of(), List.of());

  public UserTagProfile {
    interest = probabilities(interest, "interest");
    roles = probabilities(roles, "roles");
    if (expanded == null || expanded.stream().anyMatch(e -> e == null)) {
      throw new IllegalArgumentException("expanded must be a list without nulls");
    }
    expanded = List.copyOf(expanded);
  }

  private static Map<Long, Double> probabilities(Map<Long, Double> m, String name) {
    if (m == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    m.forEach((tag, p) -> {
      if (tag == null || p == null || !(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(name + " probability must be in [0, 1]: " + tag + " -> " + p);
      }
    });
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  public boolean isEmpty() {
    return interest.isEmpty() && roles.isEmpty();
  }
}
