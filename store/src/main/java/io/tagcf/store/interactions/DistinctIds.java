package io.tagcf.store.interactions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct ids among the many a load's rows name: its users and videos, each named by many
 * rows. A {@code HashSet} lookup follows a table slot, a node, a string and its array, a cache miss
 * each once the set outgrows the cache: the two sets took longer than parsing the CSV. Here an id
 * of up to 24 Latin-1 characters lies in its slot of an open-addressing table, so finding it reads
 * one slot; other ids (longer, or beyond Latin-1) go to a {@code HashSet}. Membership is exact.
 */
final class DistinctIds {
  private static final int INLINE_CHARS = 24;
  /** Longs per slot: a header (hash bits and length; 0 for an empty slot), then 8 chars a long. */
  private static final int SLOT = 4;

  private long[] table;
  private int capacity;
  private int inlined;
  private final List<String> ids = new ArrayList<>();
  private final Set<String> others = new HashSet<>();

  DistinctIds() {
    this(1 << 8);
  }

  /** @param capacity slots to start with, a power of two */
  DistinctIds(int capacity) {
    this.capacity = capacity;
    this.table = new long[capacity * SLOT];
  }

  /** Adds the id; true when it was not there yet. */
  boolean add(String id) {
    int n = id.length();
    if (n == 0 || n > INLINE_CHARS) {
      return addOther(id);
    }
    long c0 = 0;
    long c1 = 0;
    long c2 = 0;
    for (int i = 0; i < n; i++) {
      char ch = id.charAt(i);
      if (ch > 0xFF) {
        return addOther(id);
      }
      long shifted = (long) ch << ((i & 7) << 3);
      switch (i >>> 3) {
        case 0 -> c0 |= shifted;
        case 1 -> c1 |= shifted;
        default -> c2 |= shifted;
      }
    }
    long header = header(c0, c1, c2, n);
    if (!insert(table, capacity, header, c0, c1, c2)) {
      return false;
    }
    ids.add(id);
    if (++inlined * 4L > capacity * 3L) {
      grow();
    }
    return true;
  }

  /** The ids added, each once. */
  List<String> values() {
    List<String> all = new ArrayList<>(ids.size() + others.size());
    all.addAll(ids);
    all.addAll(others);
    return all;
  }

  int size() {
    return ids.size() + others.size();
  }

  private boolean addOther(String id) {
    return others.add(id);
  }

  /** Hash bits above, the length (1 to 24, so never 0) in the low byte. */
  private static long header(long c0, long c1, long c2, int length) {
    long h = mix(c0 ^ mix(c1 ^ mix(c2 ^ length)));
    return (h & ~0xFFL) | length;
  }

  /** False when the id is there already. */
  private static boolean insert(long[] table, int capacity, long header, long c0, long c1, long c2) {
    int mask = capacity - 1;
    for (int slot = (int) (header >>> 32) & mask; ; slot = (slot + 1) & mask) {
      int at = slot * SLOT;
      long h = table[at];
      if (h == 0) {
        table[at] = header;
        table[at + 1] = c0;
        table[at + 2] = c1;
        table[at + 3] = c2;
        return true;
      }
      if (h == header && table[at + 1] == c0 && table[at + 2] == c1 && table[at + 3] == c2) {
        return false;
      }
    }
  }

  private void grow() {
    int bigger = capacity * 2;
    long[] next = new long[bigger * SLOT];
    for (int at = 0; at < table.length; at += SLOT) {
      if (table[at] != 0) {
        insert(next, bigger, table[at], table[at + 1], table[at + 2], table[at + 3]);
      }
    }
    table = next;
    capacity = bigger;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit moves every output bit. */
  static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
