package io.tagcf.bench;

import io.tagcf.bench.process.CpuClock;
import java.lang.management.ManagementFactory;

/**
 * How busy the rest of the machine was while a benchmark measured: CPU time of all processes
 * (Linux {@code /proc/stat}) minus this process's own, per second of wall time, in cores. The
 * load average cannot say this, since the benchmark's own threads count in it; on a shared
 * machine this is the figure that tells whether a measurement was disturbed.
 */
final class OtherCpu {

  private final long busyNanos;
  private final long ownNanos;
  private final long wallNanos;

  private OtherCpu(long busyNanos, long ownNanos, long wallNanos) {
    this.busyNanos = busyNanos;
    this.ownNanos = ownNanos;
    this.wallNanos = wallNanos;
  }

  static OtherCpu now() {
    long own = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    return new OtherCpu(CpuClock.machineBusyNanos(), own, System.nanoTime());
  }

  /** Cores the other processes kept busy since {@code start}, or NaN where it cannot be told. */
  double coresSince(OtherCpu start) {
    if (busyNanos < 0 || start.busyNanos < 0 || ownNanos < 0 || start.ownNanos < 0 || wallNanos == start.wallNanos) {
      return Double.NaN;
    }
    double others = (busyNanos - start.busyNanos) - (ownNanos - start.ownNanos);
    return Math.max(0, others / (wallNanos - start.wallNanos));
  }
}
