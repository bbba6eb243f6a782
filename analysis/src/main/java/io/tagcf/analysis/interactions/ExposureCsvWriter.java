package io.tagcf.analysis.interactions;

import io.tagcf.models.interactions.Exposure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an exposure log CSV that {@link ExposureCsv} (and so {@code tagcf load}) reads back as the
 * same exposures: every column, the optional exploration and position included, booleans as 0/1,
 * times as ISO-8601 instants.
 */
public final class ExposureCsvWriter extends CsvRowWriter {
  static final List<String> HEADER = List.of("event_id", "user_id", "video_id", "exposed_at", "clicked",
      "watch_ratio", "completed", "liked", "exploration", "position");

  private ExposureCsvWriter(Path file) throws IOException {
    super(file, HEADER);
  }

  /** Creates (or replaces) {@code file} and writes the header. */
  public static ExposureCsvWriter create(Path file) throws IOException {
    return new ExposureCsvWriter(file);
  }

  public void write(Exposure e) throws IOException {
    field(e.eventId());
    field(e.userId());
    field(e.videoId());
    field(e.exposedAt().toString());
    field(e.clicked());
    field(Double.toString(e.watchRatio()));
    field(e.completed());
    field(e.liked());
    field(e.exploration());
    field(e.position() == null ? null : e.position().toString());
    endRow();
  }
}
