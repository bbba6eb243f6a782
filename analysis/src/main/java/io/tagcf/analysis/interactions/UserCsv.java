package io.tagcf.analysis.interactions;

import io.tagcf.analysis.BadInputException;
import io.tagcf.models.interactions.UserProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a users CSV one row at a time: user_id, optionally age_band, city_tier and gender, and any
 * further columns as further segment attributes (an empty value is an unknown attribute).
 */
public final class UserCsv extends CsvRows<UserProfile> {
  private static final Set<String> FIELDS = Set.of("user_id", "age_band", "city_tier", "gender");

  private UserCsv(HeaderedCsv csv) {
    super(csv);
  }

  /**
   * @throws BadInputException for an empty file or a header without user_id
   */
  public static UserCsv open(Path file) throws IOException {
    return new UserCsv(new HeaderedCsv(file, List.of("user_id")));
  }

  @Override
  UserProfile parse() {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String column : csv.header()) {
      if (!FIELDS.contains(column) && !csv.value(column).isEmpty()) {
        attributes.put(column, csv.value(column));
      }
    }
    return new UserProfile(csv.value("user_id"), orNull("age_band"), orNull("city_tier"), orNull("gender"),
        attributes);
  }

  private String orNull(String column) {
    String v = csv.value(column);
    return v.isEmpty() ? null : v;
  }
}
