package io.tagcf.gateway.tags;

import java.util.Optional;

/** Reads what the tag detail shows: the tag, its cover-set status and its logic neighbours. */
public final class TagDetails {

  /**
   * How many logic neighbours the detail lists, strongest first. A hub tag has edges to much of
   * the vocabulary (two directions, LLM and co-engagement sources); the detail is read by people,
   * so it shows the head of that list and keeps the response small.
   */
  public static final int SHOWN_NEIGHBOURS = 20;

  private final TagStore tags;

  public TagDetails(TagStore tags) {
    this.tags = tags;
  }

  /** Blocking. */
  public Optional<TagDetail> find(long tagId) {
    return tags.find(tagId).map(tag -> new TagDetail(
        tag, tags.latestCoverSet(tag.kind()).orElse(null), tags.strongestEdges(tagId, SHOWN_NEIGHBOURS)));
  }
}
