package io.tagcf.store.tags;

import java.util.List;

/** One page of a tag search and the total number of matches. */
public record TagPage(List<TagSummary> items, long total, int page, int size) {}
