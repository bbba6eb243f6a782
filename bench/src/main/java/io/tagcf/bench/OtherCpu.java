package io.tagcf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the rest of the machine was while a benchmark measured: CPU time of all processes
 * (Linux {@code /proc/stat}) minus this process's own, per second of wall time, in cores. The
 * load average cannot say this, since the benchmark's own threads count in it; on a shared
 * machine this is the figure that tells whether a measurement was disturbed.
 */
final class OtherCpu {

  /** USER_HZ: the unit of /proc/stat on every Linux architecture the JVM runs on. */
  private static final double NANOS_PER_TICK = 1e9 / 100;

  private final long busyTicks;
  private final long ownNanos;
  private final long wallNanos;

  private OtherCpu(long busyTicks, long ownNanos, long wallNanos) {
    this.busyTicks = busyTicks;
    this.ownNanos = ownNanos;
    this.wallNanos = wallNanos;
  }

  static OtherCpu now() {
    long own = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    return new OtherCpu(busyTicks(), own, System.nanoTime());
  }

  /** Cores the other processes kept busy since {@code start}, or NaN where it cannot be told. */
  double coresSince(OtherCpu start) {
    if (busyTicks < 0 || start.busyTicks < 0 || ownNanos < 0 || start.ownNanos < 0 || wallNanos == start.wallNanos) {
      return Double.NaN;
    }
    double others = (busyTicks - start.busyTicks) * NANOS_PER_TICK - (ownNanos - start.ownNanos);
    return Math.max(0, others / (wallNanos - start.wallNanos));
  }

  /** user + nice + system + irq + softirq of the first line of /proc/stat; -1 when absent. */
  private static long busyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
