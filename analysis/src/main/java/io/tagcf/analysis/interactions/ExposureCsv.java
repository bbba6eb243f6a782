package io.tagcf.analysis.interactions;

import io.tagcf.analysis.BadInputException;
import io.tagcf.analysis.interactions.HeaderedCsv.Column;
import io.tagcf.models.interactions.Exposure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads an exposure log CSV one row at a time. Columns: event_id, user_id, video_id, exposed_at
 * (ISO-8601 instant, e.g. 2026-11-30T10:00:00Z), clicked, watch_ratio, completed, liked, and
 * optionally exploration and position; booleans are 0/1 or true/false. Extra columns are ignored.
 * Every error names the file, the line and the column; a row is read when it is asked for.
 */
public final class ExposureCsv extends CsvRows<Exposure> {
  static final List<String> REQUIRED =
      List.of("event_id", "user_id", "video_id", "exposed_at", "clicked", "watch_ratio", "completed", "liked");

  // Looked up in the header once, not by name for every field of every row.
  private final Column eventId;
  private final Column userId;
  private final Column videoId;
  private final Column exposedAt;
  private final Column clicked;
  private final Column watchRatio;
  private final Column completed;
  private final Column liked;
  private final Column exploration;
  private final Column position;

  private ExposureCsv(HeaderedCsv csv) {
    super(csv);
    this.eventId = csv.column("event_id");
    this.userId = csv.column("user_id");
    this.videoId = csv.column("video_id");
    this.exposedAt = csv.column("exposed_at");
    this.clicked = csv.column("clicked");
    this.watchRatio = csv.column("watch_ratio");
    this.completed = csv.column("completed");
    this.liked = csv.column("liked");
    this.exploration = csv.column("exploration");
    this.position = csv.column("position");
  }

  /**
   * @throws BadInputException for an empty file or a header without the required columns
   * @throws IOException when the file cannot be opened
   */
  public static ExposureCsv open(Path file) throws IOException {
    return new ExposureCsv(new HeaderedCsv(file, REQUIRED));
  }

  @Override
  Exposure parse() {
    return new Exposure(csv.value(eventId), csv.value(userId), csv.value(videoId), instant(exposedAt),
        bool(clicked), number(watchRatio), bool(completed), bool(liked),
        exploration.present() && bool(exploration), csv.value(position).isEmpty() ? null : integer(position));
  }

  private Instant instant(Column column) {
    return parsed(column, IsoInstant::parse, "an ISO-8601 instant such as 2026-11-30T10:00:00Z");
  }

  private boolean bool(Column column) {
    String v = csv.value(column);
    // The usual spellings first: lower-casing every value cost more than the comparison.
    return switch (v) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw csv.problem(column, "'" + v + "' is not 0/1 or true/false");
      };
    };
  }

  private double number(Column column) {
    double d = parsed(column, Double::parseDouble, "a finite number");
    if (!Double.isFinite(d)) {
      throw csv.problem(column, "'" + csv.value(column) + "' is not a finite number");
    }
    return d;
  }

  private int integer(Column column) {
    return parsed(column, Integer::parseInt, "a whole number");
  }

  /** The column's value through {@code parser}; text it cannot parse is an error naming the line. */
  private <T> T parsed(Column column, Function<String, T> parser, String expected) {
    String v = csv.value(column);
    try {
      return parser.apply(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw csv.problem(column, "'" + v + "' is not " + expected);
    }
  }
}
