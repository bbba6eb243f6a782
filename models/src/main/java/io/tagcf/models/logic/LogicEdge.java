package io.tagcf.models.logic;

/**
 * A weighted edge of the tag-logic graph. {@code weight} is P(target | source) (smoothed when it
 * comes from statistics), {@code support} the co-engagement mass behind it and {@code lift}
 * P(target | source) / P(target). Edges from other sources (e.g. LLM prompts) may carry support 0.
 */
public record LogicEdge(
    long sourceTagId, long targetTagId, LogicDirection direction, double weight, double support, double lift) {
  public LogicEdge {
    if (direction == null) {
      throw new IllegalArgumentException("logic edge direction is required");
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("logic edge weight must be in [0, 1]: " + weight);
    }
    if (!(support >= 0) || Double.isInfinite(support)) {
      throw new IllegalArgumentException("logic edge support must be finite and non-negative: " + support);
    }
    if (!(lift >= 0) || Double.isInfinite(lift)) {
      throw new IllegalArgumentException("logic edge lift must be finite and non-negative: " + lift);
    }
  }
}
