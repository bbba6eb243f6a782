package io.tagcf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of this JVM: the heap still in use after a full collection (what a step keeps: the data
 * read) and the resident set's high-water mark ({@code VmHWM} in /proc/self/status, Linux only).
 * The run's maximum heap ({@code -Xmx}) bounds everything in between.
 */
final class PeakMemory {
  private PeakMemory() {}

  /** Heap in use after a full collection. */
  static long liveHeapBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The resident set's high-water mark in bytes, or -1 where /proc/self/status has none. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
