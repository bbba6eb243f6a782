package io.tagcf.models.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How users are grouped into segments for a snapshot: one or more dimensions, each a user
 * attribute band or the user's top role, a segment being one combination of their values (joined
 * with "/"), e.g. {@code age_band,city_tier} gives "18-24/1". Written as a comma-separated list:
 * {@code age_band}, {@code city_tier}, {@code gender}, {@code role} (the top role from the roles
 * workflow), {@code attr:KEY} (a key of the users' extensible attributes).
 */
public record SegmentScheme(List<Dimension> dimensions) {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** One grouping dimension. */
  public sealed interface Dimension permits Column, Attribute, Role {}

  /** A column of the users table: age_band, city_tier or gender. */
  public record Column(String name) implements Dimension {}

  /** A key of the users' attributes document. */
  public record Attribute(String key) implements Dimension {}

  /** The user's most probable role. */
  public record Role() implements Dimension {}

  public SegmentScheme {
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("a segment scheme needs at least one dimension");
    }
    dimensions = List.copyOf(dimensions);
  }

  /**
   * @throws IllegalArgumentException naming the part that is not a known dimension
   */
  public static SegmentScheme parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("segments: empty; use e.g. age_band or age_band,city_tier");
    }
    List<Dimension> out = new ArrayList<>();
    for (String raw : text.split(",")) {
      String part = raw.trim().toLowerCase(Locale.ROOT);
      Dimension d = switch (part) {
        case "age_band", "city_tier", "gender" -> new Column(part);
        case "role" -> new Role();
        default -> {
          if (part.startsWith("attr:") && KEY.matcher(part.substring(5)).matches()) {
            yield new Attribute(part.substring(5));
          }
          throw new IllegalArgumentException("segments: unknown dimension '" + raw.trim()
              + "' (known: age_band, city_tier, gender, role, attr:KEY with KEY in [a-z0-9_])");
        }
      };
      if (out.contains(d)) {
        throw new IllegalArgumentException("segments: '" + part + "' is named twice");
      }
      out.add(d);
    }
    return new SegmentScheme(out);
  }

  /** The canonical text form, as {@link #parse} reads it. */
  public String text() {
    List<String> parts = new ArrayList<>();
    for (Dimension d : dimensions) {
      if (d instanceof Column c) {
        parts.add(c.name());
      } else if (d instanceof Attribute a) {
        parts.add("attr:" + a.key());
      } else {
        parts.add("role");
      }
    }
    return String.join(",", parts);
  }
}
