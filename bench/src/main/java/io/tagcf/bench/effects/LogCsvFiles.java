package io.tagcf.bench.effects;

import io.tagcf.analysis.interactions.ExposureCsvWriter;
import io.tagcf.analysis.interactions.UserCsvWriter;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.models.simulation.SimulatedLog;
import io.tagcf.ops.demo.PlantedWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A planted world's users and exposures written as the CSV files {@code tagcf load} reads. */
final class LogCsvFiles {
  private LogCsvFiles() {}

  /**
   * @param seconds simulating and writing together: the simulator produces the exposures as they
   *     are written
   */
  record Written(Path users, Path exposures, long userRows, long exposureRows, long bytes, double seconds) {}

  static Written write(PlantedWorld world, Path dir, Instant windowEnd, int windowDays) throws IOException {
    Files.createDirectories(dir);
    long start = System.nanoTime();
    Path users = dir.resolve("users.csv");
    Path exposures = dir.resolve("exposures.csv");
    long userRows;
    try (UserCsvWriter w = UserCsvWriter.create(users, List.of())) {
      for (UserProfile u : world.users()) {
        w.write(u);
      }
      userRows = w.rows();
    }
    long exposureRows;
    try (ExposureCsvWriter w = ExposureCsvWriter.create(exposures)) {
      SimulatedLog log = world.exposures(windowEnd, windowDays);
      while (log.hasNext()) {
        w.write(log.next());
      }
      exposureRows = w.rows();
    }
    return new Written(users, exposures, userRows, exposureRows, Files.size(users) + Files.size(exposures),
        (System.nanoTime() - start) / 1e9);
  }
}
