package io.tagcf.models.tagging.neighbours;

import java.util.Set;

/**
 * A video whose labels are trusted (LLM tags, an editor's tags, the platform's own category),
 * with the embedding of its text: what a new video's nearest neighbours vote with.
 *
 * @param key who it is (a video id), so that a video never votes for itself
 * @param vector unit-length embedding of the video's text
 * @param categories vocabulary categories it belongs to (a platform category mapped onto them)
 * @param tagIds vocabulary tag ids it carries
 */
public record LabelledExemplar(String key, float[] vector, Set<String> categories, Set<String> tagIds) {

  public LabelledExemplar {
    categories = Set.copyOf(categories);
    tagIds = Set.copyOf(tagIds);
    if (categories.isEmpty() && tagIds.isEmpty()) {
      throw new IllegalArgumentException("an exemplar needs a category or a tag: " + key);
    }
  }
}
