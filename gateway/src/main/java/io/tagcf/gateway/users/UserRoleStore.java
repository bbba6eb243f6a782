package io.tagcf.gateway.users;

import io.tagcf.models.logic.LogicEdgeLookup;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.tags.TagSummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the user-role API reads: a user's roles, the logic graph for their expansion, and the tags
 * it reaches. The gateway's port to the database; every method blocks.
 */
public interface UserRoleStore extends LogicEdgeLookup {

  /** The user's identified roles, most probable first; empty when none were identified. */
  List<UserRole> rolesOf(String userId);

  /** The tags with these ids, read together; ids without a tag are absent. */
  Map<Long, TagSummary> findTags(Collection<Long> tagIds);
}
