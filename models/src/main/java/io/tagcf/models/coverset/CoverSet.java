package io.tagcf.models.coverset;

import java.util.List;

/**
 * The result of a greedy cover-set selection. {@code marginalGains.get(i)} is how many
 * still-uncovered items {@code tagIds.get(i)} covered when it was picked, so the gains sum to
 * {@code coveredItems} and never increase along the list.
 */
public record CoverSet(
    List<Long> tagIds, List<Integer> marginalGains, int coveredItems, int totalItems, double coverage) {
  public CoverSet {
    tagIds = List.copyOf(tagIds);
    marginalGains = List.copyOf(marginalGains);
    if (tagIds.size() != marginalGains.size()) {
      throw new IllegalArgumentException(
          "tagIds (" + tagIds.size() + ") and marginalGains (" + marginalGains.size() + ") differ in size");
    }
    if (coveredItems < 0 || coveredItems > totalItems) {
      throw new IllegalArgumentException(
          "coveredItems must be in [0, totalItems]: " + coveredItems + " of " + totalItems);
    }
    if (!(coverage >= 0 && coverage <= 1)) {
      throw new IllegalArgumentException("coverage must be in [0, 1]: " + coverage);
    }
  }

  /** The fraction of items covered, 0 for an empty item set. */
  static double coverage(int covered, int total) {
    return total == 0 ? 0.0 : (double) covered / total;
  }
}
