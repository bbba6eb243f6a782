package io.tagcf.store.video;

/**
 * A video as the effect pipeline and the simulator see it: creator, duration, its item tags with
 * scores (highest first), and the vocabulary category of its top item tag.
 */
public record CatalogVideo(String videoId, String creatorId, Double durationSeconds, String category,
    long[] itemTagIds, double[] itemTagScores) {}
