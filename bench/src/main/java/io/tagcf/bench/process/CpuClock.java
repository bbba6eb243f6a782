package io.tagcf.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux {@code /proc}: the whole machine's busy time and one process's own. The
 * benchmarks use the differences over a measured interval to say which process spent the cores:
 * on a 2-core machine the load generator and PostgreSQL compete with what is measured.
 */
public final class CpuClock {

  /** USER_HZ: the unit of /proc's tick counts on every Linux architecture the JVM runs on. */
  private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

  private CpuClock() {}

  /** user + nice + system + irq + softirq of all cores (first line of /proc/stat), in ns; -1 when absent. */
  public static long machineBusyNanos() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      return NANOS_PER_TICK * (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
          + Long.parseLong(f[6]) + Long.parseLong(f[7]));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** User + system time of process {@code pid} (all its threads), in ns; -1 when it cannot be read. */
  public static long processNanos(long pid) {
    try {
      return NANOS_PER_TICK * processTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * utime + stime of one {@code /proc/<pid>/stat} line. The command name (field 2) may hold spaces
   * and parentheses, so fields are counted from the last ')'.
   */
  static long processTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // After the name: state is field 3, utime field 14 and stime field 15.
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
