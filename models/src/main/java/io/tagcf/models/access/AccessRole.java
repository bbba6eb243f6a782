package io.tagcf.models.access;

import java.util.Locale;

/**
 * What a key may do. A creator reads and writes only their own videos; a service (an ingestion
 * pipeline, a ranker) reads and writes the platform's data for every creator; an admin also runs
 * the operations (snapshot runs).
 */
public enum AccessRole {
  CREATOR,
  SERVICE,
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the known roles
   */
  public static AccessRole fromWireName(String s) {
    for (AccessRole r : values()) {
      if (r.wireName().equals(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException("role must be creator, service or admin, got " + s);
  }
}
