package io.tagcf.store.interactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.copy.CopyIn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The steps every writer of the interaction log takes, inside the caller's transaction: users go
 * by binary COPY into a temporary table (dropped at commit) and are checked there before they are
 * upserted; exposures enter the log through an {@link ExposureAppender}, and the ids they name are
 * checked here. The bulk loader and the HTTP batch writer differ only in how they report what the
 * checks find, so that both store a row by exactly the same rules.
 */
final class LogStaging {
  /** Rows per COPY: big enough to amortise the round trip, small enough to bound the buffer. */
  static final int CHUNK = 50_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tables an exposure refers to; table and column names are constants, never input. */
  enum Referenced {
    USERS("users", "user_id"),
    VIDEOS("videos", "video_id");

    private final String table;
    private final String column;

    Referenced(String table, String column) {
      this.table = table;
      this.column = column;
    }
  }

  private LogStaging() {}

  /** Copies users into the temporary table {@code user_batch}. */
  static long stageUsers(Connection c, Iterator<UserProfile> users, LongConsumer progress) throws SQLException {
    execute(c, "CREATE TEMP TABLE user_batch (user_id text, age_band text, city_tier text, gender text,"
        + " attributes jsonb) ON COMMIT DROP");
    CopyChunk.RowWriter<UserProfile> columns = (row, u) ->
        row.text(u.userId()).text(u.ageBand()).text(u.cityTier()).text(u.gender()).jsonb(json(u));
    return ChunkPipeline.run(users, new CopyChunk<>(5, columns), new CopyChunk<>(5, columns), CHUNK,
        chunk -> CopyIn.binary(c, "COPY user_batch FROM STDIN (FORMAT BINARY)", chunk.encoded()), progress);
  }

  /** A user id that appears more than once among the staged users, or null. */
  static String repeatedUser(Connection c) throws SQLException {
    return first(c, "SELECT user_id FROM user_batch GROUP BY user_id HAVING count(*) > 1 LIMIT 1");
  }

  /** Adds the staged users and updates the attributes of known ones; returns how many were new. */
  static long upsertStagedUsers(Connection c) throws SQLException {
    // One pass: an upserted row is new when it has no earlier version (xmax = 0).
    return count(c, "WITH upserted AS (INSERT INTO users (user_id, age_band, city_tier, gender, attributes)"
        + " SELECT user_id, age_band, city_tier, gender, attributes FROM user_batch"
        + " ON CONFLICT (user_id) DO UPDATE SET age_band = excluded.age_band, city_tier = excluded.city_tier,"
        + " gender = excluded.gender, attributes = excluded.attributes, updated_at = now()"
        + " WHERE (users.age_band, users.city_tier, users.gender, users.attributes)"
        + " IS DISTINCT FROM (excluded.age_band, excluded.city_tier, excluded.gender, excluded.attributes)"
        + " RETURNING xmax = 0 AS new) SELECT count(*) FILTER (WHERE new) FROM upserted");
  }

  /** The smallest {@code limit} of {@code ids} that {@code table} lacks, and how many it lacks. */
  static UnknownIds unknown(Connection c, List<String> ids, Referenced table, int limit) throws SQLException {
    // The window count runs before LIMIT: one query names the first few and counts them all.
    try (PreparedStatement ps = c.prepareStatement("SELECT id, count(*) OVER () FROM unnest(?::text[]) AS given(id)"
        + " WHERE NOT EXISTS (SELECT 1 FROM " + table.table + " t WHERE t." + table.column + " = given.id)"
        + " ORDER BY id LIMIT ?")) {
      ps.setArray(1, c.createArrayOf("text", ids.toArray()));
      ps.setInt(2, limit);
      List<String> named = new ArrayList<>();
      long count = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          named.add(rs.getString(1));
          count = rs.getLong(2);
        }
      }
      return new UnknownIds(named, count);
    }
  }

  /** The first column of the query's first row, or null. */
  static String first(Connection c, String query) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long count(Connection c, String query) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String json(UserProfile user) {
    try {
      return JSON.writeValueAsString(user.attributes());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
