package io.tagcf.models.ranking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An item's tags as the ranking scores read them: P(c | i) over its item tags and P(t | i) over its
 * audience tags, each the tagger's scores divided by their sum (as role identification reads a
 * video's audience tags), so that an item with ten tags does not outweigh one with three.
 */
public record ItemTags(Map<Long, Double> itemTags, Map<Long, Double> audienceTags) {

  public static final ItemTags NONE = new ItemTags(Map.of(), Map.of());

  public ItemTags {
    itemTags = checked(itemTags, "itemTags");
    audienceTags = checked(audienceTags, "audienceTags");
  }

  /** From the tagger's raw scores (positive; duplicates summed by the caller), normalised per kind. */
  public static ItemTags fromScores(Map<Long, Double> itemScores, Map<Long, Double> audienceScores) {
    return new ItemTags(normalised(itemScores, "item"), normalised(audienceScores, "audience"));
  }

  private static Map<Long, Double> normalised(Map<Long, Double> scores, String kind) {
    if (scores == null) {
      throw new IllegalArgumentException(kind + " tag scores are required");
    }
    double total = 0;
    for (Map.Entry<Long, Double> e : scores.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || !(e.getValue() > 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException(kind + " tag score must be positive and finite: " + e.getKey() + " -> " + e.getValue());
      }
      total += e.getValue();
    }
    Map<Long, Double> out = new TreeMap<>();
    for (Map.Entry<Long, Double> e : scores.entrySet()) {
      out.put(e.getKey(), e.getValue() / total);
    }
    return out;
  }

  private static Map<Long, Double> checked(Map<Long, Double> m, String name) {
    if (m == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    m.forEach((tag, p) -> {
      if (tag == null || p == null || !(p >= 0 && p <= 1 + 1e-9)) {
        throw new IllegalArgumentException(name + " probability must be in [0, 1]: " + tag + " -> " + p);
      }
    });
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
