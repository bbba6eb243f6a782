package io.tagcf.models.coverset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Greedy maximum coverage for vocabulary reduction (TagCF paper, Alg. 1): repeatedly pick the tag
 * that covers the most still-uncovered items, until the covered fraction reaches {@code tau} or no
 * tag covers anything new. Greedy is the classic (1 − 1/e) approximation of the best k-tag cover
 * for every prefix length k, which is the guarantee the tests check against brute force.
 *
 * <p>Ties go to the smaller tag id, so the same input always yields the same cover set.
 *
 * <p>Instead of rescanning every tag per step, each tag's gain (its still-uncovered items) is kept
 * exact: covering an item decrements the gain of each tag on it, and a max-heap holds (gain, tag)
 * entries that are refreshed lazily when popped stale. Every item is covered once and each
 * decrement can cause at most one stale re-push, so with n items, m tags and z item–tag
 * assignments the run takes O((z + m) log m) time and O(z + m) memory; 100k items with ~5 tags
 * each over 20k tags take well under a second.
 */
public final class GreedyCoverSet {

  private GreedyCoverSet() {}

  public static CoverSet select(Collection<TaggedItem> items, double tau) {
    if (items == null) {
      throw new IllegalArgumentException("items must not be null");
    }
    if (!(tau > 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau must be in (0, 1]: " + tau);
    }
    Index index = Index.of(items);
    int total = index.itemTags.length;
    int[] gain = new int[index.tagIds.length];
    for (int t = 0; t < gain.length; t++) {
      gain[t] = index.tagItems[t].length;
    }
    // Heap entries are {gain, tag index}; larger gain first, then smaller tag id (ids are
    // indexed in ascending order, so the smaller index is the smaller id).
    PriorityQueue<int[]> heap =
        new PriorityQueue<>((a, b) -> a[0] != b[0] ? Integer.compare(b[0], a[0]) : Integer.compare(a[1], b[1]));
    for (int t = 0; t < gain.length; t++) {
      if (gain[t] > 0) {
        heap.add(new int[] {gain[t], t});
      }
    }
    boolean[] covered = new boolean[total];
    int coveredCount = 0;
    List<Long> chosen = new ArrayList<>();
    List<Integer> gains = new ArrayList<>();
    while (CoverSet.coverage(coveredCount, total) < tau && !heap.isEmpty()) {
      int[] top = heap.poll();
      int t = top[1];
      if (top[0] != gain[t]) {
        // Stale: gains only fall, so re-queue at the current value and look again.
        if (gain[t] > 0) {
          heap.add(new int[] {gain[t], t});
        }
        continue;
      }
      chosen.add(index.tagIds[t]);
      gains.add(gain[t]);
      for (int item : index.tagItems[t]) {
        if (!covered[item]) {
          covered[item] = true;
          coveredCount++;
          for (int other : index.itemTags[item]) {
            gain[other]--;
          }
        }
      }
    }
    return new CoverSet(chosen, gains, coveredCount, total, CoverSet.coverage(coveredCount, total));
  }

  /** Items and tags mapped to dense indices; tags sorted by id for the tie-break. */
  private record Index(long[] tagIds, int[][] itemTags, int[][] tagItems) {

    static Index of(Collection<TaggedItem> items) {
      Set<String> seen = new HashSet<>();
      Set<Long> allTags = new HashSet<>();
      for (TaggedItem item : items) {
        if (item == null) {
          throw new IllegalArgumentException("items must not contain null");
        }
        if (!seen.add(item.itemId())) {
          throw new IllegalArgumentException("duplicate itemId: " + item.itemId());
        }
        allTags.addAll(item.tagIds());
      }
      long[] tagIds = allTags.stream().mapToLong(Long::longValue).sorted().toArray();
      Map<Long, Integer> tagIndex = new HashMap<>(tagIds.length * 2);
      for (int t = 0; t < tagIds.length; t++) {
        tagIndex.put(tagIds[t], t);
      }
      int[][] itemTags = new int[items.size()][];
      int[] counts = new int[tagIds.length];
      int i = 0;
      for (TaggedItem item : items) {
        int[] tags = item.tagIds().stream().mapToInt(tagIndex::get).toArray();
        for (int t : tags) {
          counts[t]++;
        }
        itemTags[i++] = tags;
      }
      int[][] tagItems = new int[tagIds.length][];
      for (int t = 0; t < tagIds.length; t++) {
        tagItems[t] = new int[counts[t]];
      }
      Arrays.fill(counts, 0);
      for (int item = 0; item < itemTags.length; item++) {
        for (int t : itemTags[item]) {
          tagItems[t][counts[t]++] = item;
        }
      }
      return new Index(tagIds, itemTags, tagItems);
    }
  }
}
