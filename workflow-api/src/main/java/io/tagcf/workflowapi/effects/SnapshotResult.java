package io.tagcf.workflowapi.effects;

/** How a snapshot run ended: published with its cell counts, or failed with the reason. */
public record SnapshotResult(long snapshotId, String status, int cellsEstimated, int cellsInsufficient, String error) {}
