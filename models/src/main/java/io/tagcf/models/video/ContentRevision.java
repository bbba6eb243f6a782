package io.tagcf.models.video;

/**
 * A video's content at one upload: its fingerprint, and its revision (1 for the first upload, one
 * more for each upload that changed it). The higher revision is the newer content, whatever order
 * the news of them arrives in.
 */
public record ContentRevision(String contentHash, long revision) {}
