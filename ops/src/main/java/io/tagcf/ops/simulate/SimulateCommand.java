package io.tagcf.ops.simulate;

import io.tagcf.analysis.simulation.SimulationExport;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.ops.estimate.AnalysisCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf simulate}: writes a synthetic short-video world with known true tag effects:
 * exposures.csv, users.csv, videos.csv, truth.csv, and for each {@code --design TAG:SEGMENT} an
 * analysis-ready video-level design ready for {@code tagcf estimate}.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a short-video world with known tag effects (deterministic by seed, streaming).",
      "Writes exposures.csv, users.csv, videos.csv, truth.csv and design_tag<T>_seg<S>.csv per --design."
    })
public final class SimulateCommand extends AnalysisCommand {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
  Path out;

  @Option(names = "--videos", paramLabel = "N", defaultValue = "10000", description = "Default: ${DEFAULT-VALUE}.")
  int videos;

  @Option(names = "--users", paramLabel = "N", defaultValue = "100000", description = "Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(names = "--exposures", paramLabel = "N", defaultValue = "1000000",
      description = "Default: ${DEFAULT-VALUE}.")
  long exposures;

  @Option(names = "--tags", paramLabel = "N", defaultValue = "50", description = "At least 5. Default: ${DEFAULT-VALUE}.")
  int tags;

  @Option(names = "--segments", paramLabel = "N", defaultValue = "12",
      description = "Age band x city tier segments. Default: ${DEFAULT-VALUE}.")
  int segments;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--design", paramLabel = "TAG:SEGMENT",
      description = "Also write the video-level design for this tag id and segment id (repeatable), e.g. 3:0.")
  List<String> designs = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: available processors.")
  int threads = Runtime.getRuntime().availableProcessors();

  public SimulateCommand() {
    this(System.out, System.err);
  }

  SimulateCommand(PrintStream stdout, PrintStream stderr) {
    super(stdout, stderr);
  }

  @Override
  protected String commandName() {
    return "tagcf simulate";
  }

  @Override
  protected String ioProblem(Exception e) {
    return "cannot write to " + out + ": " + rootMessage(e);
  }

  @Override
  protected void run() throws IOException {
    SimulationConfig config = new SimulationConfig(videos, users, exposures, tags, segments, seed);
    List<SimulationExport.Cell> cells = parseDesigns();
    long start = System.nanoTime();
    List<String> written;
    try (ProgressBar bar = progressBar(exposures)) {
      written = SimulationExport.write(config, cells, out, threads, bar == null ? null : bar::stepTo);
    }
    stdout.printf(Locale.ROOT, "simulated %,d exposures of %,d users on %,d videos (%d tags, %d segments, seed %d) "
            + "in %.1f s%nwrote %s to %s%n", exposures, users, videos, tags, segments, seed,
        (System.nanoTime() - start) / 1e9, String.join(", ", written), out);
  }

  private List<SimulationExport.Cell> parseDesigns() {
    List<SimulationExport.Cell> cells = new ArrayList<>();
    for (String d : designs) {
      String[] parts = d.split(":");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        cells.add(new SimulationExport.Cell(
            Integer.parseInt(parts[0].trim().replaceFirst("^tag_", "")), Integer.parseInt(parts[1].trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--design must be TAG:SEGMENT with numeric ids, got '" + d + "'");
      }
    }
    return cells;
  }

  /** A bar only when a person is watching; logs and pipes get the summary line alone. */
  private static ProgressBar progressBar(long total) {
    if (System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("simulate")
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" exposures", 1)
        .showSpeed()
        .build();
  }
}
