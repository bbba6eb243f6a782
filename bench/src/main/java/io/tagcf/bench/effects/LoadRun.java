package io.tagcf.bench.effects;

import io.tagcf.bench.process.TagcfProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tagcf load --users U --exposures E} as a user runs it: its own JVM (the heap {@code ./tagcf}
 * gives it), this JVM's class path, DATABASE_URL in its environment. The rates are the command's
 * own, printed per file, so the JVM's start is not in them.
 */
final class LoadRun {
  /** What {@code ./tagcf} runs the command with unless TAGCF_JAVA_OPTS says otherwise. */
  static final String LAUNCHER_HEAP = "-Xmx4g";
  private static final Pattern LINE = Pattern.compile(
      "(users|exposures): ([0-9,]+) rows read from .*, ([0-9,]+) new, [0-9,]+ already stored,"
          + " ([0-9.]+) s \\(([0-9,]+) rows/s\\)");

  private LoadRun() {}

  /** One file's line of the command's output. */
  record LoadedFile(String what, long read, long inserted, double seconds, long rowsPerSecond) {}

  /** Both files' results and the command's whole wall time, JVM start included. */
  record Result(LoadedFile users, LoadedFile exposures, double wallSeconds) {}

  static Result run(String databaseUrl, Path users, Path exposures, Path log) throws IOException, InterruptedException {
    long start = System.nanoTime();
    int code = TagcfProcess.start(List.of(LAUNCHER_HEAP),
        List.of("load", "--users", users.toString(), "--exposures", exposures.toString(), "--no-progress"),
        Map.of("DATABASE_URL", databaseUrl), log).waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException("tagcf load exited with " + code + ":\n" + output);
    }
    return new Result(line(output, "users"), line(output, "exposures"), wall);
  }

  /** @throws IllegalStateException when the output has no line for {@code what} */
  static LoadedFile line(String output, String what) {
    for (String line : output.lines().toList()) {
      Matcher m = LINE.matcher(line.strip());
      if (m.matches() && m.group(1).equals(what)) {
        return new LoadedFile(what, number(m.group(2)), number(m.group(3)), Double.parseDouble(m.group(4)),
            number(m.group(5)));
      }
    }
    throw new IllegalStateException("tagcf load printed no line for " + what + ":\n" + output);
  }

  private static long number(String grouped) {
    return Long.parseLong(grouped.replace(",", ""));
  }
}
