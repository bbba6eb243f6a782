package io.tagcf.models.tags;

/**
 * A raw tag mapped onto the vocabulary: the tag it merged into (or, with {@code newCandidate}, the
 * candidate tag it created), how similar the raw label was to that tag, and the tagger's score.
 */
public record NormalisedTag(
    long tagId,
    TagKind kind,
    String slug,
    String rawLabel,
    double score,
    double matchSimilarity,
    boolean newCandidate) {}
