package io.tagcf.store.tags;

import java.util.List;
import java.util.Optional;

/** One page of a tag search, and where the next one starts; empty after the last page. */
public record TagPage(List<TagSummary> items, Optional<TagPosition> next) {}
