package io.tagcf.store.coverset;

import io.tagcf.models.tags.TagKind;
import java.time.Instant;

/** One stored run of the cover-set reduction for one tag kind. */
public record CoverSetVersion(
    long version,
    TagKind kind,
    int windowDays,
    double tau,
    double coverage,
    int coveredItems,
    int totalItems,
    int tagCount,
    Instant computedAt) {}
