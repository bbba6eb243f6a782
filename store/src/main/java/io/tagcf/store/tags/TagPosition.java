package io.tagcf.store.tags;

/** Where a tag stands in the search order (most used first, then by id): a page starts after one. */
public record TagPosition(long videoCount, long tagId) {

  public static TagPosition of(TagSummary tag) {
    return new TagPosition(tag.videoCount(), tag.tagId());
  }
}
