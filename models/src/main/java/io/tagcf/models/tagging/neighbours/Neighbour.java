package io.tagcf.models.tagging.neighbours;

import java.util.Set;

/** One labelled video near a new one, with the cosine similarity of their texts. */
public record Neighbour(String key, double similarity, Set<String> categories, Set<String> tagIds) {}
