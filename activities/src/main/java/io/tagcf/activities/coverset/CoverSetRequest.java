package io.tagcf.activities.coverset;

import io.tagcf.models.tags.TagKind;

/** Cover the items of the last {@code windowDays} days with tags of {@code kind} up to {@code tau}. */
public record CoverSetRequest(TagKind kind, int windowDays, double tau) {}
