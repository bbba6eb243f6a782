package io.tagcf.gateway.users;

import io.tagcf.models.logic.UserRoleExpansion;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.tags.TagSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's stored roles T(0) and their logic expansion T(1), computed on request: the expansion
 * depends on the latest logic graph, which is rebuilt on its own schedule.
 */
public final class UserRoleProfiles {

  private final UserRoleStore store;

  public UserRoleProfiles(UserRoleStore store) {
    this.store = store;
  }

  /** Blocking; empty when no roles were identified for the user. */
  public Optional<UserRoleProfile> of(String userId) {
    List<UserRole> roles = store.rolesOf(userId);
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Double> probabilities = new LinkedHashMap<>();
    roles.forEach(role -> probabilities.put(role.tagId(), role.probability()));
    Map<Long, Double> weights = UserRoleExpansion.expand(probabilities, store);
    Map<Long, TagSummary> tags = store.findTags(weights.keySet());
    List<ExpandedRole> expanded = new ArrayList<>();
    weights.forEach((tagId, weight) -> {
      TagSummary tag = tags.get(tagId);
      // Edges reference tags by foreign key, so a tag is only missing if it was removed between
      // the two reads; its role is skipped rather than shown without labels.
      if (tag != null) {
        expanded.add(new ExpandedRole(tagId, tag.labelEn(), tag.labelZh(), weight));
      }
    });
    return Optional.of(new UserRoleProfile(userId, roles.get(0).computedAt(), roles, expanded));
  }
}
