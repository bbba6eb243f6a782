package io.tagcf.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct values of a text column in first-seen order, each with its code, up to a limit.
 * Values are looked up straight from the parser's character buffer: a String is made only for a
 * new level, not for every row (a 0/1 column of a million rows makes two).
 */
final class LevelCodes {
  private final int limit;
  private String[] levels = new String[16];
  private int[] hashes = new int[16];
  private int size;
  /** Open addressing: code + 1 per slot, 0 for empty. */
  private int[] slots = new int[32];
  private boolean overflowed;

  LevelCodes(int limit) {
    this.limit = limit;
  }

  /** The code of the value, adding it when new; -1 once the column has more than the limit. */
  int code(char[] buf, int offset, int length) {
    if (overflowed) {
      return -1;
    }
    int hash = 0;
    for (int k = 0; k < length; k++) {
      hash = 31 * hash + buf[offset + k];
    }
    int mask = slots.length - 1;
    for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
      int entry = slots[s];
      if (entry == 0) {
        return add(new String(buf, offset, length), hash, s);
      }
      int code = entry - 1;
      if (hashes[code] == hash && matches(levels[code], buf, offset, length)) {
        return code;
      }
    }
  }

  /** As {@link #code(char[], int, int)} for a value already made a String. */
  int code(String value) {
    return code(value.toCharArray(), 0, value.length());
  }

  boolean overflowed() {
    return overflowed;
  }

  int size() {
    return size;
  }

  String level(int code) {
    return levels[code];
  }

  /** The levels by code. */
  List<String> levels() {
    return List.of(Arrays.copyOf(levels, size));
  }

  private int add(String value, int hash, int slot) {
    if (size >= limit) {
      overflowed = true;
      levels = null;
      hashes = null;
      slots = null;
      return -1;
    }
    if (size == levels.length) {
      levels = Arrays.copyOf(levels, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int code = size++;
    levels[code] = value;
    hashes[code] = hash;
    slots[slot] = code + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return code;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int code = 0; code < size; code++) {
      int s = spread(hashes[code]) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = code + 1;
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16) ^ (hash >>> 7);
  }

  private static boolean matches(String level, char[] buf, int offset, int length) {
    if (level.length() != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (level.charAt(k) != buf[offset + k]) {
        return false;
      }
    }
    return true;
  }
}
