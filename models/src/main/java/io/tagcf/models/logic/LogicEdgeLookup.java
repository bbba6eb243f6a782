package io.tagcf.models.logic;

import java.util.Collection;
import java.util.List;

/** Reads the edges of the tag-logic graph that leave given tags; blocking where it is stored. */
@FunctionalInterface
public interface LogicEdgeLookup {

  /**
   * The edges of {@code direction} leaving any of {@code sources}, at most one per (source,
   * target) pair: a store that holds several sources of edges merges them first.
   */
  List<LogicEdge> edgesFrom(LogicDirection direction, Collection<Long> sources);
}
