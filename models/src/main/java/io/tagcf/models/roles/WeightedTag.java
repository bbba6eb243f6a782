package io.tagcf.models.roles;

/** A tag with a positive weight, e.g. an audience tag of a video with the tagger's score. */
public record WeightedTag(long tagId, double score) {
  public WeightedTag {
    if (!(score > 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException("score of tag " + tagId + " must be positive and finite: " + score);
    }
  }
}
