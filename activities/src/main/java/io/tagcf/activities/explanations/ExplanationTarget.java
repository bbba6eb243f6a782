package io.tagcf.activities.explanations;

/**
 * Which explanation: a video, a published snapshot and a language.
 *
 * @param snapshotId 0 for the newest published snapshot
 */
public record ExplanationTarget(String videoId, long snapshotId, String language) {}
