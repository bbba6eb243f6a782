package io.tagcf.models.interactions;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's segment attributes: the usual ones as fields, any others by name (the set of segment
 * attributes is open).
 *
 * @param ageBand e.g. "18-24", or null when unknown
 * @param cityTier e.g. "tier1", or null when unknown
 * @param gender as the platform records it, or null when unknown
 * @param attributes further attributes by name (not the three above), sorted by name
 */
public record UserProfile(String userId, String ageBand, String cityTier, String gender, Map<String, String> attributes) {

  public UserProfile {
    Exposure.requireId("user_id", userId);
    attributes = Collections.unmodifiableMap(attributes == null ? new TreeMap<>() : new TreeMap<>(attributes));
    for (String name : attributes.keySet()) {
      if (name.equals("age_band") || name.equals("city_tier") || name.equals("gender")) {
        throw new IllegalArgumentException(name + " is a field of its own, not a further attribute");
      }
    }
  }
}
