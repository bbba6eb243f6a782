package io.tagcf.models.tags;

/** A tag as a tagger proposes it, before it is mapped onto the vocabulary. Score in [0, 1]. */
public record RawTag(String label, TagKind kind, double score) {
  public RawTag {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("tag label is required");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("tag score must be in [0, 1]: " + score);
    }
    label = label.strip();
  }
}
