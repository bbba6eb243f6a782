package io.tagcf.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code tagcf worker} in a JVM of its own, on this JVM's class path: what runs on a worker
 * machine, so that it can be measured on its own (heap, GC) or killed like a crashed machine.
 * Its output goes to a log file, which also tells when it is polling.
 */
public final class WorkerProcess implements AutoCloseable {
  /** The line {@code tagcf worker} prints once its pollers run. */
  static final String READY_LINE = "TagCF worker connected to Temporal";

  private final String name;
  private final Process process;
  private final Path log;

  private WorkerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code tagcf worker} with {@code env} added to this process's environment.
   *
   * @param jvmOptions e.g. {@code -Xmx4g}, a GC log
   * @param log where its standard output and error go (replaced)
   */
  public static WorkerProcess start(String name, Map<String, String> env, List<String> jvmOptions, Path log) {
    try {
      return new WorkerProcess(name, TagcfProcess.start(jvmOptions, List.of("worker"), env, log), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker " + name, e);
    }
  }

  /** Waits until the worker polls its queues; fails with the log's tail if it exited or timed out. */
  public WorkerProcess awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (logText().contains(READY_LINE)) {
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("worker " + name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("worker " + name + " not ready after " + timeout + ":\n" + tail());
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hook runs, running activities just stop. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** The log's last 40 lines, for failure messages. */
  public String tail() {
    List<String> lines = logText().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops it as Ctrl-C would, killing it if it has not stopped within 20 seconds. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "worker " + name + " (pid " + process.pid() + ")";
  }
}
