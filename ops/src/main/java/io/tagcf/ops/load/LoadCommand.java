package io.tagcf.ops.load;

import io.tagcf.analysis.BadInputException;
import io.tagcf.analysis.interactions.ExposureCsv;
import io.tagcf.analysis.interactions.UserCsv;
import io.tagcf.batch.Progress;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.estimate.AnalysisCommand;
import io.tagcf.store.Database;
import io.tagcf.store.interactions.InteractionLoader;
import io.tagcf.store.interactions.LoadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf load}: bulk-loads users and the exposure log from CSV files into PostgreSQL (binary
 * COPY). Each file is all or nothing, and loading it again adds nothing.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load users and exposures (the interaction log) from CSV into the database at DATABASE_URL.",
      "Exposures: event_id,user_id,video_id,exposed_at,clicked,watch_ratio,completed,liked[,exploration][,position];"
          + " exposed_at is an ISO-8601 instant, booleans 0/1 or true/false.",
      "Users: user_id[,age_band][,city_tier][,gender] and any further segment attributes as columns.",
      "Each file is all or nothing; a second identical load adds no rows. Users load before exposures.",
      "Exit status: 0 ok, 2 bad input (one line on stderr, nothing from that file stored), 1 internal error."
    })
public final class LoadCommand extends AnalysisCommand {
  @Option(names = "--exposures", paramLabel = "FILE", description = "Exposure log CSV.")
  Path exposures;

  @Option(names = "--users", paramLabel = "FILE", description = "Users CSV (segment attributes).")
  Path users;

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show a progress bar on stderr when it is a terminal (default on).")
  boolean progress;

  private final Map<String, String> environment;

  public LoadCommand() {
    this(System.out, System.err, System.getenv());
  }

  /** For tests: the given streams and environment instead of the process's. */
  public LoadCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    super(out, err);
    this.environment = Map.copyOf(environment);
  }

  @Override
  protected String commandName() {
    return "tagcf load";
  }

  @Override
  protected void run() throws IOException {
    if (exposures == null && users == null) {
      throw new BadInputException("nothing to load: give --exposures FILE, --users FILE or both");
    }
    TagcfConfig config = TagcfConfig.from(environment);
    try (Database db = Database.open(config.database(), 2)) {
      InteractionLoader loader = new InteractionLoader(db.dataSource());
      if (users != null) {
        try (UserCsv rows = UserCsv.open(users); Progress bar = Progress.of("users", -1, showProgress())) {
          long start = System.nanoTime();
          report("users", users, loader.loadUsers(rows, bar::stepTo), start);
        }
      }
      if (exposures != null) {
        try (ExposureCsv rows = ExposureCsv.open(exposures);
            Progress bar = Progress.of("exposures", -1, showProgress())) {
          long start = System.nanoTime();
          report("exposures", exposures, loader.loadExposures(rows, bar::stepTo), start);
        }
      }
    }
  }

  private boolean showProgress() {
    return progress && Progress.terminal();
  }

  private void report(String what, Path file, LoadResult result, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    stdout.printf(Locale.ROOT, "%s: %,d rows read from %s, %,d new, %,d already stored, %.1f s (%,.0f rows/s)%n",
        what, result.read(), file, result.inserted(), result.read() - result.inserted(), seconds,
        result.read() / Math.max(seconds, 1e-9));
    stdout.flush();
  }
}
