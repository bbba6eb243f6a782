package io.tagcf.store.interactions;

import io.tagcf.models.interactions.Exposure;
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
import java.util.function.LongConsumer;

/**
 * Appends one load's exposures to the log inside the caller's transaction, chunk by chunk as they
 * are read, so that the database stores one chunk while the next is parsed.
 *
 * <p>A chunk none of whose event ids lies between the smallest and the largest id the log held
 * when the load began cannot hold a stored event, and is copied straight into the log: the common
 * case, new events with ids after the stored ones (a sequence, a time-ordered id), and any load
 * into an empty log. Other chunks are staged in a temporary table, and at the end ({@link
 * #finish}) only their events whose id is not stored yet enter the log, by an anti-join. An
 * INSERT from a staged table cost 2.2 s per million rows after the staging, against 1.7 s for
 * copying them straight in, in parallel with parsing.
 *
 * <p>Repeats within the load are caught before a chunk enters the log: when a fingerprint comes
 * twice, the event ids so far are copied into a temporary table for an exact check. They wait
 * for it encoded in memory (about 14 bytes an id): copying every id into the database cost 0.5 s
 * per million rows, for a check that almost never runs. A rejected load is rolled back by the
 * caller, so nothing it copied stays.
 *
 * <p>The stored range is read once, at the start. An event another writer stores during the load
 * with the same id as one of this load's, outside that range, is not skipped: with the same time
 * the copy fails on the primary key (the load is then rolled back, and a second run skips the
 * event), with another time both are stored, as with two concurrent writers before.
 */
final class ExposureAppender {
  private final Connection c;
  private final ExposureNotes notes;
  /** The smallest and largest stored event ids when the load began; null when the log was empty. */
  private final String storedLow;
  private final String storedHigh;
  /** Event ids read but not yet copied into {@code exposure_event_ids}, a payload per chunk. */
  private final List<PgBinaryCopy> uncheckedEventIds = new ArrayList<>();
  /** Whether {@code exposure_event_ids} exists: made for the first check, which most loads never need. */
  private boolean eventIdTableMade;
  private String repeated;
  private long copied;
  private long staged;

  private ExposureAppender(Connection c, ExposureNotes notes, String storedLow, String storedHigh) {
    this.c = c;
    this.notes = notes;
    this.storedLow = storedLow;
    this.storedHigh = storedHigh;
  }

  /**
   * Reads the stored ids' range.
   *
   * @param eventIds an empty set, which notes the load's event ids
   */
  static ExposureAppender start(Connection c, IdFingerprints eventIds) throws SQLException {
    // Each partition's key index gives its ends at once; min and max compare by the column's collation.
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT min(event_id), max(event_id) FROM exposures")) {
      rs.next();
      return new ExposureAppender(c, new ExposureNotes(eventIds), rs.getString(1), rs.getString(2));
    }
  }

  /**
   * Reads all the exposures, copying each chunk into the log or the staging table.
   *
   * @param progress told the number of rows read so far, once per chunk
   * @return the rows read
   */
  long append(Iterator<Exposure> exposures, LongConsumer progress) throws SQLException {
    boolean keepIds = storedLow != null;
    return ChunkPipeline.run(exposures, new ExposureChunk(notes, keepIds), new ExposureChunk(notes, keepIds),
        LogStaging.CHUNK, this::write, progress);
  }

  /** An event id that appears more than once among those appended, or null. */
  String repeatedEvent() {
    return repeated;
  }

  List<String> userIds() {
    return notes.users().values();
  }

  List<String> videoIds() {
    return notes.videos().values();
  }

  /**
   * Adds the staged exposures whose event id is not stored yet, whatever their time.
   *
   * @return how many exposures the load added to the log, copied straight in or not
   */
  long finish() throws SQLException {
    if (staged == 0) {
      return copied;
    }
    // The sort below fits in memory up to about 1.8 million rows (with the default 4 MB it spilled
    // to disk from 30,000); the setting ends with the transaction.
    LogStaging.execute(c, "SET LOCAL work_mem = '256MB'");
    try (Statement st = c.createStatement()) {
      // In key order: the primary key's btree then grows at its right edge instead of everywhere.
      // Sorting by byte (COLLATE "C") is three times faster than by the database's collation and
      // gives the same order for ASCII ids in C.UTF-8; elsewhere the order is only less helpful.
      return copied + st.executeUpdate("INSERT INTO exposures SELECT b.* FROM exposure_batch b WHERE NOT EXISTS"
          + " (SELECT 1 FROM exposures e WHERE e.event_id = b.event_id) ORDER BY b.event_id COLLATE \"C\"");
    }
  }

  private void write(ExposureChunk chunk) throws SQLException {
    if (repeated != null) {
      // The load will be rejected: the rest is read only so that a malformed row is reported first.
      return;
    }
    createMonthPartitions(chunk.newMonths());
    PgBinaryCopy eventIds = chunk.encodedEventIds();
    eventIds.compact();
    uncheckedEventIds.add(eventIds);
    if (chunk.mayRepeat()) {
      // A repeated id, or rarely two ids sharing a fingerprint: only the exact check can tell.
      if (!eventIdTableMade) {
        LogStaging.execute(c, "CREATE TEMP TABLE exposure_event_ids (event_id text) ON COMMIT DROP");
        eventIdTableMade = true;
      }
      for (PgBinaryCopy ids : uncheckedEventIds) {
        CopyIn.binary(c, "COPY exposure_event_ids FROM STDIN (FORMAT BINARY)", ids);
      }
      uncheckedEventIds.clear();
      repeated = LogStaging.first(c,
          "SELECT event_id FROM exposure_event_ids GROUP BY event_id HAVING count(*) > 1 LIMIT 1");
      if (repeated != null) {
        return;
      }
    }
    if (mayHoldStoredEvents(chunk)) {
      if (staged == 0) {
        // Made by the first chunk staged: a load into an empty log, or after it, makes none.
        LogStaging.execute(c, "CREATE TEMP TABLE exposure_batch (LIKE exposures INCLUDING DEFAULTS) ON COMMIT DROP");
      }
      staged += CopyIn.binary(c, "COPY exposure_batch FROM STDIN (FORMAT BINARY)", chunk.encoded());
    } else {
      copied += CopyIn.binary(c, "COPY exposures FROM STDIN (FORMAT BINARY)", chunk.encoded());
    }
  }

  /** Whether one of the chunk's event ids lies within the stored ids' range. */
  private boolean mayHoldStoredEvents(ExposureChunk chunk) throws SQLException {
    if (storedLow == null) {
      return false;
    }
    // Compared by the database's collation, which is the column's: the order min and max used.
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM unnest(?::text[]) AS id WHERE id BETWEEN ? AND ?)")) {
      ps.setArray(1, c.createArrayOf("text", chunk.eventIds().toArray()));
      ps.setString(2, storedLow);
      ps.setString(3, storedHigh);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private void createMonthPartitions(List<YearMonth> months) throws SQLException {
    for (YearMonth month : months) {
      // Names and bounds come from dates, never from input text.
      Instant from = Instant.ofEpochSecond(StagedMonths.start(month));
      Instant to = Instant.ofEpochSecond(StagedMonths.start(month.plusMonths(1)));
      LogStaging.execute(c, String.format("CREATE TABLE IF NOT EXISTS exposures_y%04dm%02d PARTITION OF exposures"
          + " FOR VALUES FROM ('%s') TO ('%s')", month.getYear(), month.getMonthValue(), from, to));
    }
  }
}
