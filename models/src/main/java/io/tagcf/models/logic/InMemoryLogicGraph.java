package io.tagcf.models.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Logic edges held in memory and looked up by source: for expanding many users against one graph. */
public final class InMemoryLogicGraph implements LogicEdgeLookup {

  private final Map<LogicDirection, Map<Long, List<LogicEdge>>> bySource = new EnumMap<>(LogicDirection.class);

  @SafeVarargs
  public InMemoryLogicGraph(Collection<LogicEdge>... edges) {
    for (Collection<LogicEdge> part : edges) {
      for (LogicEdge e : part) {
        bySource.computeIfAbsent(e.direction(), d -> new HashMap<>()).computeIfAbsent(e.sourceTagId(), s -> new ArrayList<>()).add(e);
      }
    }
  }

  @Override
  public List<LogicEdge> edgesFrom(LogicDirection direction, Collection<Long> sources) {
    Map<Long, List<LogicEdge>> from = bySource.getOrDefault(direction, Map.of());
    List<LogicEdge> out = new ArrayList<>();
    sources.forEach(s -> out.addAll(from.getOrDefault(s, List.of())));
    return out;
  }
}
