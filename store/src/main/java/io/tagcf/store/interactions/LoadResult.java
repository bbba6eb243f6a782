package io.tagcf.store.interactions;

/**
 * What one load did.
 *
 * @param read rows in the input
 * @param inserted rows new to the database (the rest were stored already)
 */
public record LoadResult(long read, long inserted) {}
