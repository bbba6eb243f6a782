package io.tagcf.store.embedding;

/** A video near another in embedding space; similarity is the cosine. */
public record SimilarVideo(String videoId, String title, double similarity) {}
