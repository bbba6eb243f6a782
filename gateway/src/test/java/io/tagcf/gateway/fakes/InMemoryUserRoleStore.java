package io.tagcf.gateway.fakes;

import io.tagcf.gateway.users.UserRoleStore;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.tags.TagSummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/** User roles, a logic graph and tag labels in memory; records every read of tags. */
public final class InMemoryUserRoleStore implements UserRoleStore {

  private final CallingThreads threads;
  private final Map<String, List<UserRole>> roles = new ConcurrentHashMap<>();
  private final List<LogicEdge> edges = new CopyOnWriteArrayList<>();
  private final Map<Long, TagSummary> tags = new ConcurrentHashMap<>();
  private final List<Set<Long>> tagReads = new CopyOnWriteArrayList<>();

  public InMemoryUserRoleStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void putRoles(String userId, List<UserRole> userRoles) {
    roles.put(userId, List.copyOf(userRoles));
  }

  public void addEdges(List<LogicEdge> more) {
    edges.addAll(more);
  }

  public void putTag(TagSummary tag) {
    tags.put(tag.tagId(), tag);
  }

  /** The ids asked for by each read of tags, in order. */
  public List<Set<Long>> tagReads() {
    return List.copyOf(tagReads);
  }

  @Override
  public List<UserRole> rolesOf(String userId) {
    threads.record("userRoles.rolesOf");
    return roles.getOrDefault(userId, List.of());
  }

  @Override
  public List<LogicEdge> edgesFrom(LogicDirection direction, Collection<Long> sources) {
    threads.record("userRoles.edgesFrom");
    return edges.stream()
        .filter(e -> e.direction() == direction && sources.contains(e.sourceTagId()))
        .toList();
  }

  @Override
  public Map<Long, TagSummary> findTags(Collection<Long> tagIds) {
    threads.record("userRoles.findTags");
    tagReads.add(new TreeSet<>(tagIds));
    return tagIds.stream().filter(tags::containsKey).distinct()
        .collect(Collectors.toMap(Function.identity(), tags::get));
  }
}
