package io.tagcf.bench.effects;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The machine a run measured, as docs/BENCHMARKS.md records it: cores, CPU, memory, the JVM the
 * workers run on ({@code java -version}), PostgreSQL's version and the load before the run.
 */
record Machine(int cores, String cpu, long memoryBytes, String javaVersion, String postgres, String loadAverage) {

  static Machine describe(DataSource ds) throws IOException, InterruptedException, SQLException {
    String postgres;
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version()")) {
      rs.next();
      postgres = rs.getString(1);
    }
    return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemory(), javaVersionLines(), postgres,
        firstLine(Path.of("/proc/loadavg")));
  }

  String describe() {
    return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory; %s; %s; load average before: %s", cores, cpu,
        memoryBytes / (double) (1L << 30), javaVersion, postgres, loadAverage);
  }

  private static String cpuModel() throws IOException {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.exists(info)) {
      return System.getProperty("os.arch");
    }
    return Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
  }

  private static long totalMemory() throws IOException {
    Path info = Path.of("/proc/meminfo");
    if (!Files.exists(info)) {
      return -1;
    }
    for (String line : Files.readAllLines(info)) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  /** The version lines of the java the workers are started with, joined. */
  private static String javaVersionLines() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return String.join("; ", text.strip().lines().toList());
  }

  private static String firstLine(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "unknown";
    }
    List<String> lines = Files.readAllLines(file);
    return lines.isEmpty() ? "unknown" : lines.get(0).strip();
  }
}
