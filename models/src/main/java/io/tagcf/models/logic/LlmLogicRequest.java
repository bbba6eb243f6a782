package io.tagcf.models.logic;

/**
 * Generate logic edges with the LLM for the tags of the latest cover sets.
 *
 * @param topB edges kept per source tag (paper: 20)
 * @param projectionsPerOutput cover-set tags each generated phrase is projected onto
 * @param minSimilarity cosine below which a projection is dropped
 * @param maxSourcesPerDirection upper bound on LLM calls per direction and run
 */
public record LlmLogicRequest(int topB, int projectionsPerOutput, double minSimilarity, int maxSourcesPerDirection) {}
