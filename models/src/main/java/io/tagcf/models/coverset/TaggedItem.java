package io.tagcf.models.coverset;

import java.util.Set;

/** An item (video) and the tags it carries; the unit that a cover set has to cover. */
public record TaggedItem(String itemId, Set<Long> tagIds) {
  public TaggedItem {
    if (itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("itemId is required");
    }
    if (tagIds == null) {
      throw new IllegalArgumentException("tagIds of item " + itemId + " must not be null");
    }
    if (tagIds.contains(null)) {
      throw new IllegalArgumentException("tagIds of item " + itemId + " contain null");
    }
    tagIds = Set.copyOf(tagIds);
  }
}
