package io.tagcf.ops.simulate;

import io.tagcf.models.simulation.ExposureSimulator;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.TagSegmentDesign;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.VideoSegmentStats;
import io.tagcf.models.simulation.World;
import io.tagcf.models.simulation.WorldBuilder;
import io.tagcf.ops.estimate.AnalysisCommand;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
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
    List<int[]> cells = parseDesigns(config);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " exists and is not a directory");
    }
    Files.createDirectories(out);
    long start = System.nanoTime();
    World world = WorldBuilder.build(config);
    SimulationFiles.users(world, out.resolve("users.csv"));
    SimulationFiles.videos(world, out.resolve("videos.csv"));
    TruthTable truth = new TruthTable(world);
    VideoSegmentStats stats = cells.isEmpty() ? null : new VideoSegmentStats(world);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve("exposures.csv")), 1 << 16);
        ProgressBar bar = progressBar(exposures)) {
      ExposureCsvSink csv = new ExposureCsvSink(world, file);
      new ExposureSimulator(world).run(block -> {
        csv.accept(block);
        truth.accept(block);
        if (stats != null) {
          stats.accept(block);
        }
      }, threads, bar == null ? null : bar::stepTo);
      csv.flush();
    }
    SimulationFiles.truth(world, truth, out.resolve("truth.csv"));
    List<String> written = new ArrayList<>(List.of("exposures.csv", "users.csv", "videos.csv", "truth.csv"));
    for (int[] cell : cells) {
      String name = "design_tag" + cell[0] + "_seg" + cell[1] + ".csv";
      SimulationFiles.design(TagSegmentDesign.build(world, stats, cell[0], cell[1]), out.resolve(name));
      written.add(name);
    }
    stdout.printf(Locale.ROOT, "simulated %,d exposures of %,d users on %,d videos (%d tags, %d segments, seed %d) "
            + "in %.1f s%nwrote %s to %s%n", exposures, users, videos, tags, segments, seed,
        (System.nanoTime() - start) / 1e9, String.join(", ", written), out);
  }

  private List<int[]> parseDesigns(SimulationConfig config) {
    List<int[]> cells = new ArrayList<>();
    for (String d : designs) {
      String[] parts = d.split(":");
      int tag;
      int segment;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        tag = Integer.parseInt(parts[0].trim().replaceFirst("^tag_", ""));
        segment = Integer.parseInt(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--design must be TAG:SEGMENT with numeric ids, got '" + d + "'");
      }
      if (tag < 0 || tag >= config.tags()) {
        throw new IllegalArgumentException("--design tag " + tag + " is outside 0.." + (config.tags() - 1));
      }
      if (segment < 0 || segment >= config.segments()) {
        throw new IllegalArgumentException("--design segment " + segment + " is outside 0.." + (config.segments() - 1));
      }
      cells.add(new int[] {tag, segment});
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
