package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.bench.TagcfBench;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The first thing a new user sees: {@code tagcf} and every command's {@code --help}. Walks the
 * whole command tree (production commands and {@code bench}).
 */
class CommandHelpTest {

  /** Every command reachable from {@code tagcf}, the root included. */
  private static List<CommandLine> commands() {
    List<CommandLine> out = new ArrayList<>();
    collect(TagcfBench.commandLine(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    cl.getSubcommands().values().stream().distinct().forEach(c -> collect(c, out));
  }

  @Test
  void noCommandsHelpPrintsAWarning() throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("help", ".out");
    Path stderr = Files.createTempFile("help", ".err");
    Process p = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), HelpPrinter.class.getName())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).as("stderr while printing every command's help").isEmpty();
    List<CommandLine> all = commands();
    for (CommandLine cl : all) {
      assertThat(out).contains("==== " + cl.getCommandSpec().qualifiedName() + "\n");
    }
    assertThat(out.split("\nUsage: ", -1)).hasSize(all.size() + 1);
    // An unformattable description would reach the user raw, with its %n unreplaced.
    assertThat(out).doesNotContain("%n");
    assertThat(all.size()).isGreaterThan(15);
  }

  @Test
  void everyCommandsSummaryIsAWholeSentence() {
    for (CommandLine cl : commands()) {
      if (cl.getParent() == null) {
        continue;
      }
      String name = cl.getCommandSpec().qualifiedName();
      String summary = summary(cl);
      assertThat(summary).as(name + " has a summary").isNotBlank();
      assertThat(Character.isUpperCase(summary.codePointAt(0))).as(name + ": '" + summary + "'").isTrue();
      assertThat(summary).as(name).endsWith(".");
      assertThat(summary.chars().filter(c -> c == '(').count())
          .as(name + ": balanced parentheses in '" + summary + "'")
          .isEqualTo(summary.chars().filter(c -> c == ')').count());
      // What the parent's command list shows is that sentence, whole.
      String listed = cl.getParent().getUsageMessage().replaceAll("\\s+", " ");
      assertThat(listed).as(name + " in its parent's command list").contains(summary.replaceAll("\\s+", " "));
    }
  }

  /** What picocli lists beside the command: the first header line, else the first description line. */
  private static String summary(CommandLine cl) {
    String[] header = cl.getCommandSpec().usageMessage().header();
    String[] description = cl.getCommandSpec().usageMessage().description();
    String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
    return String.format(first).strip();
  }
}
