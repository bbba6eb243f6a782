package io.tagcf.models.logic;

import java.util.Arrays;

/**
 * Co-engagement mass per (role index, item-tag index) pair in an open-addressing table: tens of
 * millions of pairs at production scale would cost several times the memory as boxed map entries.
 */
final class PairMass {

  private static final long EMPTY = -1L;
  private long[] keys;
  private double[] values;
  private int size;

  PairMass(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new double[capacity];
    Arrays.fill(keys, EMPTY);
  }

  void add(int role, int item, double mass) {
    long key = ((long) role << 32) | (item & 0xffffffffL);
    int slot = find(keys, key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      if (++size * 2 > keys.length) {
        grow();
        slot = find(keys, key);
      }
    }
    values[slot] += mass;
  }

  interface PairConsumer {
    void accept(int role, int item, double mass);
  }

  void forEach(PairConsumer consumer) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        consumer.accept((int) (keys[i] >>> 32), (int) keys[i], values[i]);
      }
    }
  }

  private static int find(long[] table, long key) {
    int mask = table.length - 1;
    int slot = (int) (mix(key) & mask);
    while (table[slot] != EMPTY && table[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = find(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
