package io.tagcf.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Splits a file into byte ranges that each start right after a line feed, for reading in
 * parallel. A line feed byte never occurs inside a multi-byte UTF-8 character, so every range
 * decodes on its own; whether it also starts a record is {@link CsvRange}'s check.
 */
final class LineRanges {
  private LineRanges() {}

  /**
   * Boundaries {@code b[0] = 0 < b[1] < ... < b[k] = size} of at most {@code parts} ranges; fewer
   * when the file has few line feeds.
   */
  static long[] split(FileChannel channel, long size, int parts) throws IOException {
    long[] bounds = new long[parts + 1];
    int count = 1;
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    for (int k = 1; k < parts; k++) {
      long next = afterLineFeed(channel, Math.max(size * k / parts, bounds[count - 1]), size, buffer);
      if (next > bounds[count - 1] && next < size) {
        bounds[count++] = next;
      }
    }
    bounds[count++] = size;
    return Arrays.copyOf(bounds, count);
  }

  /**
   * The mean length of the lines in the file's first 256 KiB (past the header line), at least 2
   * bytes: an estimate of the bytes per record to size buffers with.
   */
  static double meanLineLength(FileChannel channel, long size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 256 * 1024));
    int read = Math.max(0, channel.read(buffer, 0));
    int first = -1;
    int last = -1;
    int lines = 0;
    for (int k = 0; k < read; k++) {
      if (buffer.get(k) == '\n') {
        if (first < 0) {
          first = k;
        } else {
          lines++;
        }
        last = k;
      }
    }
    return lines == 0 ? Math.max(2, read) : Math.max(2.0, (last - first) / (double) lines);
  }

  /** The position after the first line feed at or after {@code from}, or {@code size} when none. */
  private static long afterLineFeed(FileChannel channel, long from, long size, ByteBuffer buffer) throws IOException {
    long position = from;
    while (position < size) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return size;
      }
      for (int k = 0; k < read; k++) {
        if (buffer.get(k) == '\n') {
          return position + k + 1;
        }
      }
      position += read;
    }
    return size;
  }
}
