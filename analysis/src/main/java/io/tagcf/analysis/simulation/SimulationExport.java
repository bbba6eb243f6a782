package io.tagcf.analysis.simulation;

import io.tagcf.models.simulation.ExposureSimulator;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.TagSegmentDesign;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.VideoSegmentStats;
import io.tagcf.models.simulation.World;
import io.tagcf.models.simulation.WorldBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes a simulated world as CSV files: users.csv, videos.csv, exposures.csv (streamed as the
 * simulator produces blocks), truth.csv, and one analysis-ready video-level design per requested
 * (tag, segment) cell, named {@code design_tag<T>_seg<S>.csv}.
 */
public final class SimulationExport {

  /** A (tag, segment) cell whose design is written. */
  public record Cell(int tag, int segment) {
    public String fileName() {
      return "design_tag" + tag + "_seg" + segment + ".csv";
    }
  }

  private SimulationExport() {}

  /**
   * @param progress exposures simulated so far, or null
   * @return the names of the files written, in the order written
   */
  public static List<String> write(SimulationConfig config, List<Cell> designs, Path out, int threads,
      LongConsumer progress) throws IOException {
    for (Cell c : designs) {
      if (c.tag() < 0 || c.tag() >= config.tags()) {
        throw new IllegalArgumentException("--design tag " + c.tag() + " is outside 0.." + (config.tags() - 1));
      }
      if (c.segment() < 0 || c.segment() >= config.segments()) {
        throw new IllegalArgumentException(
            "--design segment " + c.segment() + " is outside 0.." + (config.segments() - 1));
      }
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " exists and is not a directory");
    }
    Files.createDirectories(out);
    World world = WorldBuilder.build(config);
    SimulationFiles.users(world, out.resolve("users.csv"));
    SimulationFiles.videos(world, out.resolve("videos.csv"));
    TruthTable truth = new TruthTable(world);
    VideoSegmentStats stats = designs.isEmpty() ? null : new VideoSegmentStats(world);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve("exposures.csv")), 1 << 16)) {
      ExposureCsvSink csv = new ExposureCsvSink(world, file);
      new ExposureSimulator(world).run(block -> {
        csv.accept(block);
        truth.accept(block);
        if (stats != null) {
          stats.accept(block);
        }
      }, threads, progress);
      csv.flush();
    }
    SimulationFiles.truth(world, truth, out.resolve("truth.csv"));
    List<String> written = new ArrayList<>(List.of("exposures.csv", "users.csv", "videos.csv", "truth.csv"));
    for (Cell cell : designs) {
      SimulationFiles.design(TagSegmentDesign.build(world, stats, cell.tag(), cell.segment()),
          out.resolve(cell.fileName()));
      written.add(cell.fileName());
    }
    return written;
  }
}
