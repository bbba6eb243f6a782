package io.tagcf.models.logic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Dense indices 0, 1, 2, … for tag ids in the order they are first seen, for array-backed tables. */
final class TagIndex {

  private final Map<Long, Integer> index = new HashMap<>();
  private long[] ids = new long[64];

  int of(long tagId) {
    Integer known = index.get(tagId);
    if (known != null) {
      return known;
    }
    int next = index.size();
    if (next == ids.length) {
      ids = Arrays.copyOf(ids, ids.length * 2);
    }
    ids[next] = tagId;
    index.put(tagId, next);
    return next;
  }

  /** The tag id of each index. */
  long[] ids() {
    return Arrays.copyOf(ids, index.size());
  }
}
