package io.tagcf.store.interactions;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.store.copy.PgBinaryCopy;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One chunk of a load's exposures, encoded for COPY on the parsing thread, with what the chunk's
 * write needs to know: the months it is the first to reach, whether one of its event ids may have
 * come before, and (when the log already holds events) its event ids. What a load notes across
 * its chunks ({@link ExposureNotes}) is updated as rows are added.
 */
final class ExposureChunk implements ChunkPipeline.Chunk<Exposure> {
  private final ExposureNotes notes;
  private final boolean keepIds;
  private final PgBinaryCopy rows = new PgBinaryCopy(10);
  /** A new one for every chunk: the load keeps them until a repeat check needs them. */
  private PgBinaryCopy eventIdRows = new PgBinaryCopy(1);
  private final List<YearMonth> newMonths = new ArrayList<>();
  private final List<String> eventIds = new ArrayList<>();
  private boolean mayRepeat;

  /** @param keepIds whether to keep the chunk's event ids as strings, for {@link #eventIds()} */
  ExposureChunk(ExposureNotes notes, boolean keepIds) {
    this.notes = notes;
    this.keepIds = keepIds;
  }

  @Override
  public void add(Exposure e) {
    notes.videos().add(e.videoId());
    notes.users().add(e.userId());
    if (!notes.eventIds().add(e.eventId())) {
      mayRepeat = true;
    }
    YearMonth newMonth = notes.months().add(e.exposedAt());
    if (newMonth != null) {
      newMonths.add(newMonth);
    }
    if (keepIds) {
      eventIds.add(e.eventId());
    }
    eventIdRows.startRow().text(e.eventId());
    rows.startRow().text(e.eventId()).text(e.userId()).text(e.videoId()).timestamptz(e.exposedAt())
        .bool(e.clicked()).float8(e.watchRatio()).bool(e.completed()).bool(e.liked()).bool(e.exploration());
    if (e.position() == null) {
      rows.nullField();
    } else {
      rows.int4(e.position());
    }
  }

  @Override
  public int rows() {
    return rows.rows();
  }

  @Override
  public void reset() {
    rows.reset();
    eventIdRows = new PgBinaryCopy(1);
    newMonths.clear();
    eventIds.clear();
    mayRepeat = false;
  }

  /** The rows, in the exposures table's columns. */
  PgBinaryCopy encoded() {
    return rows;
  }

  /** The rows' event ids alone, one column; the chunk does not reuse it. */
  PgBinaryCopy encodedEventIds() {
    return eventIdRows;
  }

  /** The months no earlier chunk of the load reached. */
  List<YearMonth> newMonths() {
    return newMonths;
  }

  /** True when an event id of this chunk has the fingerprint of one before it in the load. */
  boolean mayRepeat() {
    return mayRepeat;
  }

  /** The rows' event ids; empty unless the chunk was made to keep them. */
  List<String> eventIds() {
    return eventIds;
  }
}
