package io.tagcf.batch.ranking;

/** What a data set says about an item, as the tagger reads it: a title and optional further text. */
public record ItemText(String itemId, String title, String description) {}
