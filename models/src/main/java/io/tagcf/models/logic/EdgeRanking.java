package io.tagcf.models.logic;

/** How {@link CoEngagementLogic} orders a source tag's candidate targets before the top-b cut. */
public enum EdgeRanking {
  /**
   * By added value P(target | source) − P(target), i.e. by co-engagement mass beyond what the
   * target's popularity alone predicts. The default: popularity does not masquerade as association.
   */
  ADDED_VALUE,
  /**
   * By the edge weight P(target | source). Popular targets come first for every source, which is
   * what a "most likely next tag" list wants but not an association graph.
   */
  WEIGHT
}
