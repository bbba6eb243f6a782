package io.tagcf.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The wrk load generator (Debian package {@code wrk}), run through bash so that the shell's
 * {@code times} reports wrk's own CPU time. The key travels in the environment, never on the
 * command line, where any user of the machine could read it.
 */
final class Wrk {

  private final Path script;

  private Wrk(Path script) {
    this.script = script;
  }

  /** Checks that wrk is installed and writes the report script into {@code dir}. */
  static Wrk prepare(Path dir) throws IOException, InterruptedException {
    Process probe;
    try {
      probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("wrk is not installed: apt-get install wrk (Debian package)");
    }
    probe.getInputStream().readAllBytes();
    probe.waitFor();
    Files.createDirectories(dir);
    Path script = dir.resolve("wrk-report.lua");
    try (InputStream in = Wrk.class.getResourceAsStream("/bench/wrk-report.lua")) {
      Files.write(script, in.readAllBytes());
    }
    return new Wrk(script);
  }

  /** {@code connections} connections on {@code threads} threads for {@code duration} against {@code url}. */
  WrkResult run(String url, String key, int threads, int connections, Duration duration)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", "wrk \"$@\"; s=$?; times; exit $s", "wrk",
        "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s", "--timeout", "10s",
        "-s", script.toString(), url)).redirectErrorStream(true);
    builder.environment().put("TAGCF_BENCH_KEY", key);
    Process wrk = builder.start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk did not finish");
    }
    if (wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "):\n" + output);
    }
    return WrkResult.parse(output);
  }
}
