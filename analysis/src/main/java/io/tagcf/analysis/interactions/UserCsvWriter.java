package io.tagcf.analysis.interactions;

import io.tagcf.models.interactions.UserProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a users CSV that {@link UserCsv} reads back as the same profiles: user_id, age_band,
 * city_tier and gender, then one column per further attribute named when the file is created.
 */
public final class UserCsvWriter extends CsvRowWriter {
  private static final List<String> FIELDS = List.of("user_id", "age_band", "city_tier", "gender");
  private final List<String> attributes;
  private final Set<String> known;

  private UserCsvWriter(Path file, List<String> attributes) throws IOException {
    super(file, header(attributes));
    this.attributes = List.copyOf(attributes);
    this.known = Set.copyOf(attributes);
  }

  /**
   * Creates (or replaces) {@code file} and writes the header.
   *
   * @param attributes the further attributes' columns, in order; a profile with any other is refused
   */
  public static UserCsvWriter create(Path file, List<String> attributes) throws IOException {
    return new UserCsvWriter(file, attributes);
  }

  private static List<String> header(List<String> attributes) {
    List<String> header = new ArrayList<>(FIELDS);
    for (String a : attributes) {
      if (header.contains(a)) {
        throw new IllegalArgumentException("attribute column '" + a + "' is named twice or is a field of its own");
      }
      header.add(a);
    }
    return header;
  }

  public void write(UserProfile u) throws IOException {
    // Checked before anything is written: a dropped attribute would change the user's segments silently.
    if (!known.containsAll(u.attributes().keySet())) {
      List<String> unknown = new ArrayList<>(u.attributes().keySet());
      unknown.removeAll(attributes);
      throw new IllegalArgumentException("user " + u.userId() + " has attributes without a column: " + unknown);
    }
    field(u.userId());
    field(u.ageBand());
    field(u.cityTier());
    field(u.gender());
    for (String a : attributes) {
      field(u.attributes().get(a));
    }
    endRow();
  }
}
