package io.tagcf.gateway.users;

import io.tagcf.store.roles.UserRole;
import java.time.Instant;
import java.util.List;

/** A user's roles T(0), as last identified at {@code computedAt}, and their expansion T(1). */
public record UserRoleProfile(String userId, Instant computedAt, List<UserRole> roles, List<ExpandedRole> expanded) {

  public UserRoleProfile {
    roles = List.copyOf(roles);
    expanded = List.copyOf(expanded);
  }
}
