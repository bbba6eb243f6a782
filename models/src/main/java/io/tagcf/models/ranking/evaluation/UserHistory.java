package io.tagcf.models.ranking.evaluation;

/**
 * One user's interactions in the order they happened: item indices and, for recency weighting, when
 * (in the data set's own unit: days for timestamped logs, positions for bare sequences).
 */
public record UserHistory(String userId, int[] items, double[] times) {
  public UserHistory {
    if (userId == null || items == null || times == null || items.length != times.length) {
      throw new IllegalArgumentException("a user history needs an id and as many times as items");
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        throw new IllegalArgumentException("history of user " + userId + " is not in time order at position " + i);
      }
    }
  }

  public int size() {
    return items.length;
  }

  /** The first {@code n} interactions. */
  public UserHistory prefix(int n) {
    return new UserHistory(userId, java.util.Arrays.copyOf(items, n), java.util.Arrays.copyOf(times, n));
  }
}
