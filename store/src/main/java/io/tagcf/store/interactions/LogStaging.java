package io.tagcf.store.interactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.copy.CopyIn;
import io.tagcf.store.copy.PgBinaryCopy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The steps every writer of the interaction log takes, inside the caller's transaction: rows go
 * by binary COPY into a temporary table (dropped at commit), are checked there in SQL, and only
 * then enter the log. The bulk loader and the HTTP batch writer differ only in how they report
 * what the checks find, so that both store a row by exactly the same rules.
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

  /**
   * What staging exposures saw: their number, the distinct ids they refer to, their months, and
   * whether an event id may appear twice among them (when false, none does).
   */
  record StagedExposures(long rows, List<String> userIds, List<String> videoIds, Set<YearMonth> months,
      boolean eventIdsMayRepeat) {}

  private LogStaging() {}

  /** Copies users into the temporary table {@code user_batch}. */
  static long stageUsers(Connection c, Iterator<UserProfile> users, LongConsumer progress) throws SQLException {
    execute(c, "CREATE TEMP TABLE user_batch (user_id text, age_band text, city_tier text, gender text,"
        + " attributes jsonb) ON COMMIT DROP");
    return copyInChunks(c, "COPY user_batch FROM STDIN (FORMAT BINARY)", 5, users, (row, u) -> row
        .text(u.userId()).text(u.ageBand()).text(u.cityTier()).text(u.gender()).jsonb(json(u)), progress);
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

  /**
   * Copies exposures into the temporary table {@code exposure_batch}.
   *
   * @param events an empty set, which notes the staged event ids
   */
  static StagedExposures stageExposures(Connection c, Iterator<Exposure> exposures, IdFingerprints events,
      LongConsumer progress) throws SQLException {
    execute(c, "CREATE TEMP TABLE exposure_batch (LIKE exposures INCLUDING DEFAULTS) ON COMMIT DROP");
    // What the checks and the insert need is noted here, row by row, instead of read back from
    // the batch in SQL: the distinct ids are few next to the rows, and a lookup per row is cheaper
    // than a pass of its own over the batch.
    DistinctIds videos = new DistinctIds();
    DistinctIds users = new DistinctIds();
    StagedMonths months = new StagedMonths();
    long rows = copyInChunks(c, "COPY exposure_batch FROM STDIN (FORMAT BINARY)", 10, exposures, (row, e) -> {
      videos.add(e.videoId());
      users.add(e.userId());
      events.add(e.eventId());
      months.add(e.exposedAt());
      row.text(e.eventId()).text(e.userId()).text(e.videoId()).timestamptz(e.exposedAt()).bool(e.clicked())
          .float8(e.watchRatio()).bool(e.completed()).bool(e.liked()).bool(e.exploration());
      if (e.position() == null) {
        row.nullField();
      } else {
        row.int4(e.position());
      }
    }, progress);
    return new StagedExposures(rows, users.values(), videos.values(), months.months(), events.maybeRepeated());
  }

  /** An event id that appears more than once among the staged exposures, or null. */
  static String repeatedEvent(Connection c, StagedExposures staged) throws SQLException {
    if (!staged.eventIdsMayRepeat()) {
      return null;
    }
    // Some fingerprint came twice: a repeated id, or rarely two ids sharing one. Only the exact
    // check can tell, and name the id.
    return first(c, "SELECT event_id FROM exposure_batch GROUP BY event_id HAVING count(*) > 1 LIMIT 1");
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

  /**
   * Creates the month partitions the staged exposures need, then adds the exposures whose event
   * id is not stored yet, whatever their time; returns how many were added.
   */
  static long insertStagedExposures(Connection c, StagedExposures staged) throws SQLException {
    createMonthPartitions(c, staged.months());
    // The sort below fits in memory up to about 1.8 million rows (with the default 4 MB it spilled
    // to disk from 30,000); the setting ends with the transaction.
    execute(c, "SET LOCAL work_mem = '256MB'");
    // In key order: the primary key's btree then grows at its right edge instead of everywhere.
    // Sorting by byte (COLLATE "C") is three times faster than by the database's collation and
    // gives the same order for ASCII ids in C.UTF-8; elsewhere the order is only less helpful.
    String inKeyOrder = " ORDER BY b.event_id COLLATE \"C\"";
    try (Statement st = c.createStatement()) {
      if (!storedIdsOverlap(c)) {
        return st.executeUpdate("INSERT INTO exposures SELECT b.* FROM exposure_batch b" + inKeyOrder);
      }
      return st.executeUpdate("INSERT INTO exposures SELECT b.* FROM exposure_batch b WHERE NOT EXISTS"
          + " (SELECT 1 FROM exposures e WHERE e.event_id = b.event_id)" + inKeyOrder);
    }
  }

  /**
   * Whether some stored event id lies between the smallest and the largest staged one. When none
   * does, no staged event is stored yet, and the insert needs no anti-join: that one hashes every
   * stored id or probes every partition for every staged row, so its cost grows with the log,
   * while this reads the batch once and each partition's key index at one place. New events
   * usually have ids after the stored ones (a sequence, a time-ordered id); random ids (UUIDs)
   * overlap and keep the anti-join.
   */
  private static boolean storedIdsOverlap(Connection c) throws SQLException {
    // min and max by the column's own collation: the index's order, whatever the database's.
    return "t".equals(first(c, "SELECT EXISTS (SELECT 1 FROM (SELECT min(event_id) AS low, max(event_id) AS high"
        + " FROM exposure_batch) b JOIN exposures e ON e.event_id BETWEEN b.low AND b.high)"));
  }

  private static void createMonthPartitions(Connection c, Set<YearMonth> months) throws SQLException {
    for (YearMonth month : months) {
      // Names and bounds come from dates, never from input text.
      Instant from = Instant.ofEpochSecond(StagedMonths.start(month));
      Instant to = Instant.ofEpochSecond(StagedMonths.start(month.plusMonths(1)));
      execute(c, String.format("CREATE TABLE IF NOT EXISTS exposures_y%04dm%02d PARTITION OF exposures"
          + " FOR VALUES FROM ('%s') TO ('%s')", month.getYear(), month.getMonthValue(), from, to));
    }
  }

  @FunctionalInterface
  private interface RowWriter<T> {
    void write(PgBinaryCopy row, T value);
  }

  /**
   * Encodes rows into chunks on this thread while the previous chunk is copied on another: parsing
   * and the COPY round trip overlap. The connection is used by one thread at a time: a chunk is
   * handed over only after the previous copy finished.
   */
  private static <T> long copyInChunks(Connection c, String copySql, int columns, Iterator<T> rows,
      RowWriter<T> writer, LongConsumer progress) throws SQLException {
    ExecutorService copier = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "interaction-copy");
      t.setDaemon(true);
      return t;
    });
    Future<?> copying = null;
    try {
      long read = 0;
      // Two payloads, reused in turn: one is encoded while the other is copied.
      PgBinaryCopy chunk = new PgBinaryCopy(columns);
      PgBinaryCopy other = new PgBinaryCopy(columns);
      while (rows.hasNext()) {
        writer.write(chunk.startRow(), rows.next());
        read++;
        if (chunk.rows() == CHUNK) {
          awaitCopy(copying);
          copying = copier.submit(copy(c, copySql, chunk));
          PgBinaryCopy copied = other;
          other = chunk;
          chunk = copied;
          chunk.reset();
          progress.accept(read);
        }
      }
      awaitCopy(copying);
      copying = null;
      if (chunk.rows() > 0) {
        CopyIn.binary(c, copySql, chunk);
        progress.accept(read);
      }
      return read;
    } finally {
      // A row that failed to parse must not leave a copy running on the connection the caller
      // is about to roll back.
      if (copying != null) {
        try {
          copying.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
          // The caller's failure is the one reported.
        }
      }
      copier.shutdown();
    }
  }

  private static Callable<Void> copy(Connection c, String copySql, PgBinaryCopy chunk) {
    return () -> {
      CopyIn.binary(c, copySql, chunk);
      return null;
    };
  }

  private static void awaitCopy(Future<?> copying) throws SQLException {
    if (copying == null) {
      return;
    }
    try {
      copying.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while copying interactions", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String first(Connection c, String query) throws SQLException {
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

  private static void execute(Connection c, String sql) throws SQLException {
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
