package io.tagcf.models.tagging.neighbours;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a video's labelled neighbours say about it: for each category and tag, the
 * similarity-weighted share of neighbours that carry it. Weights fall off exponentially with the
 * similarity gap to the nearest neighbour ({@code temperature}), so that a near-duplicate
 * outvotes a crowd of loose matches, and neighbours below {@code minSimilarity} do not vote.
 */
public final class NeighbourVotes {

  public static final NeighbourVotes NONE = new NeighbourVotes(Map.of(), Map.of(), 0);

  private final Map<String, Double> categories;
  private final Map<String, Double> tags;
  private final int voters;

  private NeighbourVotes(Map<String, Double> categories, Map<String, Double> tags, int voters) {
    this.categories = categories;
    this.tags = tags;
    this.voters = voters;
  }

  public static NeighbourVotes of(List<Neighbour> neighbours, double temperature, double minSimilarity) {
    if (neighbours.isEmpty()) {
      return NONE;
    }
    double top = neighbours.stream().mapToDouble(Neighbour::similarity).max().orElse(0);
    Map<String, Double> categories = new HashMap<>();
    Map<String, Double> tags = new HashMap<>();
    double total = 0;
    int voters = 0;
    for (Neighbour n : neighbours) {
      if (n.similarity() < minSimilarity) {
        continue;
      }
      double w = Math.exp((n.similarity() - top) / temperature);
      total += w;
      voters++;
      for (String c : n.categories()) {
        categories.merge(c, w, Double::sum);
      }
      for (String t : n.tagIds()) {
        tags.merge(t, w, Double::sum);
      }
    }
    if (voters == 0) {
      return NONE;
    }
    double sum = total;
    categories.replaceAll((k, v) -> v / sum);
    tags.replaceAll((k, v) -> v / sum);
    return new NeighbourVotes(Map.copyOf(categories), Map.copyOf(tags), voters);
  }

  /** Share of the vote for the category, in [0, 1]. */
  public double category(String category) {
    return categories.getOrDefault(category, 0.0);
  }

  /** Share of the vote for the tag, in [0, 1]. */
  public double tag(String tagId) {
    return tags.getOrDefault(tagId, 0.0);
  }

  public int voters() {
    return voters;
  }
}
