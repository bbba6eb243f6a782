package io.tagcf.store.interactions;

import java.util.List;

/**
 * Ids that a batch refers to but the platform does not know.
 *
 * @param named the smallest of them, at most as many as the caller asked for, in order
 * @param count how many there are in all
 */
public record UnknownIds(List<String> named, long count) {

  public UnknownIds {
    named = List.copyOf(named);
    if (count < named.size()) {
      throw new IllegalArgumentException("count " + count + " is below the " + named.size() + " ids named");
    }
  }

  public static UnknownIds none() {
    return new UnknownIds(List.of(), 0);
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
