package io.tagcf.models.video;

/** A video at one version of its content: what one ingest run works on. */
public record VideoRef(String videoId, String contentHash) {}
