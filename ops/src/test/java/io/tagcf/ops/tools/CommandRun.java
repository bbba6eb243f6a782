package io.tagcf.ops.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.ops.TagcfCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** A {@code tagcf} command run in-process over a given environment, with what it printed. */
public record CommandRun(int exitCode, String out, String err) {

  public static CommandRun of(Map<String, String> env, String... args) {
    CommandLine cmd = TagcfCommand.commandLine(env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  public static CommandRun of(String... args) {
    return of(Map.of(), args);
  }

  public List<String> outLines() {
    return out.lines().toList();
  }

  public List<String> errLines() {
    return err.lines().toList();
  }

  public String lastOutLine() {
    List<String> lines = outLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** Failed with exactly one stderr line, no stack trace, containing each of {@code phrases}. */
  public void assertOneLineError(int expectedExit, String... phrases) {
    assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
    assertThat(errLines()).as("stderr").hasSize(1);
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    for (String p : phrases) {
      assertThat(err).contains(p);
    }
  }

  /** Copies a test resource of this package to {@code dir}. */
  public static Path resource(String name, Path dir) {
    try (InputStream in = CommandRun.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + name);
      }
      Path target = dir.resolve(name);
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
