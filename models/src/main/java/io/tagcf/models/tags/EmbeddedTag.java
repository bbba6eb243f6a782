package io.tagcf.models.tags;

/**
 * A vocabulary tag with its embeddings: the profile text (labels and keywords, matched against
 * whole videos) and each language's bare label (matched against raw tags). {@code tagId} is 0
 * before the tag is stored.
 */
public record EmbeddedTag(
    long tagId, VocabularyEntry entry, float[] profile, float[] labelEn, float[] labelZh) {}
