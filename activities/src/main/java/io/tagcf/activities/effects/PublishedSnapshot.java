package io.tagcf.activities.effects;

/** A snapshot made visible to readers, with its cell counts. */
public record PublishedSnapshot(long snapshotId, int cellsEstimated, int cellsInsufficient) {}
