package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.users.UserRoleStore;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.roles.UserRoleRepository;
import io.tagcf.store.tags.TagCatalog;
import io.tagcf.store.tags.TagSummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The gateway's user roles, logic graph and tag labels in PostgreSQL. */
public final class JdbcUserRoleStore implements UserRoleStore {

  private final UserRoleRepository roles;
  private final LogicEdgeRepository edges;
  private final TagCatalog catalog;

  public JdbcUserRoleStore(DataSource dataSource) {
    this.roles = new UserRoleRepository(dataSource);
    this.edges = new LogicEdgeRepository(dataSource);
    this.catalog = new TagCatalog(dataSource);
  }

  @Override
  public List<UserRole> rolesOf(String userId) {
    return roles.rolesOf(userId);
  }

  @Override
  public List<LogicEdge> edgesFrom(LogicDirection direction, Collection<Long> sources) {
    return edges.from(direction, sources);
  }

  @Override
  public Map<Long, TagSummary> findTags(Collection<Long> tagIds) {
    return catalog.findAll(tagIds);
  }
}
