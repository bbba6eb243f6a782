package io.tagcf.store.tags;

import io.tagcf.models.tags.TagKind;

/** One of a video's stored tags, as the API shows it, with its provenance. */
public record VideoTag(
    long tagId,
    TagKind kind,
    String slug,
    String labelEn,
    String labelZh,
    boolean candidate,
    double score,
    int rank,
    String rawLabel,
    double matchSimilarity,
    String tagger,
    String taggerModel,
    String promptVersion,
    String provider,
    String fallbackReason) {}
