package io.tagcf.store.tags;

/** The vocabulary tag a label is closest to, and how close (cosine similarity). */
public record TagMatch(long tagId, String slug, double similarity) {}
