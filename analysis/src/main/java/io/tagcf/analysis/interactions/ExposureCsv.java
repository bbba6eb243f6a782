package io.tagcf.analysis.interactions;

import io.tagcf.analysis.BadInputException;
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

  private ExposureCsv(HeaderedCsv csv) {
    super(csv);
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
    String position = csv.value("position");
    return new Exposure(csv.value("event_id"), csv.value("user_id"), csv.value("video_id"), instant("exposed_at"),
        bool("clicked"), number("watch_ratio"), bool("completed"), bool("liked"),
        csv.has("exploration") && bool("exploration"), position.isEmpty() ? null : integer("position"));
  }

  private Instant instant(String column) {
    return parsed(column, Instant::parse, "an ISO-8601 instant such as 2026-11-30T10:00:00Z");
  }

  private boolean bool(String column) {
    String v = csv.value(column).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw csv.problem(column, "'" + csv.value(column) + "' is not 0/1 or true/false");
    };
  }

  private double number(String column) {
    double d = parsed(column, Double::parseDouble, "a finite number");
    if (!Double.isFinite(d)) {
      throw csv.problem(column, "'" + csv.value(column) + "' is not a finite number");
    }
    return d;
  }

  private int integer(String column) {
    return parsed(column, Integer::parseInt, "a whole number");
  }

  /** The column's value through {@code parser}; text it cannot parse is an error naming the line. */
  private <T> T parsed(String column, Function<String, T> parser, String expected) {
    String v = csv.value(column);
    try {
      return parser.apply(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw csv.problem(column, "'" + v + "' is not " + expected);
    }
  }
}
