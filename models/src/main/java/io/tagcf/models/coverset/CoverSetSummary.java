package io.tagcf.models.coverset;

import io.tagcf.models.tags.TagKind;

/** What one cover-set run stored. */
public record CoverSetSummary(
    TagKind kind, long version, double coverage, int tags, int coveredItems, int totalItems) {}
