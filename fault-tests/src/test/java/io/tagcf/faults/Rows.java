package io.tagcf.faults;

import io.tagcf.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongPredicate;

/** What the tests read from PostgreSQL directly, past the proxy. */
final class Rows {

  private final Database db;

  Rows(Database db) {
    this.db = db;
  }

  /** The single number {@code sql} selects, with {@code like} bound to every {@code ?}. */
  long count(String sql, String like) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
        ps.setString(i, like);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Videos matching {@code like} whose latest content has been ingested to the end. */
  long done(String like) throws SQLException {
    return count("SELECT count(*) FROM ingest_state s JOIN videos v ON v.video_id = s.video_id"
        + " WHERE s.video_id LIKE ? AND s.stage = 'done' AND s.content_hash = v.content_hash", like);
  }

  /** Polls {@link #done} every 500 ms until it satisfies {@code until} or {@code patience} ends. */
  long awaitDone(String like, LongPredicate until, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    long done = done(like);
    while (!until.test(done) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      done = done(like);
    }
    return done;
  }
}
