package io.tagcf.batch.ranking;

import java.util.List;
import java.util.Map;

/**
 * The tagger's output for a data set's items as the evaluation reads it: per item (data set order)
 * its item tags and audience tags with scores, tag ids assigned per distinct label (item and
 * audience labels in separate id ranges), and the labels by id for printing paths.
 */
public record TaggedItems(
    List<Map<Long, Double>> itemTags, List<Map<Long, Double>> audienceTags, Map<Long, String> labels, int taggedNow,
    int fromCache, double seconds) {}
