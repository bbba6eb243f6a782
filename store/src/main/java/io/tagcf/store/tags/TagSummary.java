package io.tagcf.store.tags;

import io.tagcf.models.tags.TagKind;

/**
 * A tag as the tag API shows it: labels, status, how many videos carry it, and whether it is in
 * the latest cover set of its kind.
 *
 * @param quarantined a candidate not yet released ({@link CandidateQuarantine}): only admins see it
 */
public record TagSummary(
    long tagId,
    TagKind kind,
    String slug,
    String labelEn,
    String labelZh,
    String category,
    boolean candidate,
    boolean quarantined,
    long videoCount,
    boolean inCoverSet,
    java.time.Instant lastSeenAt) {}
