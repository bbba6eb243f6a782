package io.tagcf.store.ingest;

import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Aggregate figures over a set of videos, for summaries and benchmarks. */
public final class IngestStatistics {

  /** Tag figures of one kind: assignments, distinct tags, and how many of those are candidates. */
  public record TagFigures(long assignments, long distinctTags, long candidateTags) {}

  /** Upload-to-done latency of one video, from the database's own timestamps. */
  public record Latency(String videoId, double seconds) {}

  private final Transactions tx;

  public IngestStatistics(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  public Map<String, Long> stages(Collection<String> videoIds) {
    return tx.read(c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT stage, count(*) FROM ingest_state WHERE video_id = ANY (?) GROUP BY stage ORDER BY stage")) {
        ps.setArray(1, c.createArrayOf("text", videoIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
      return out;
    });
  }

  public Map<String, TagFigures> tags(Collection<String> videoIds) {
    return tx.read(c -> {
      Map<String, TagFigures> out = new LinkedHashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT vt.kind, count(*), count(DISTINCT vt.tag_id),"
                  + " count(DISTINCT vt.tag_id) FILTER (WHERE t.status = 'candidate')"
                  + " FROM video_tags vt JOIN tags t ON t.tag_id = vt.tag_id"
                  + " WHERE vt.video_id = ANY (?) GROUP BY vt.kind ORDER BY vt.kind DESC")) {
        ps.setArray(1, c.createArrayOf("text", videoIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), new TagFigures(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
          }
        }
      }
      return out;
    });
  }

  /** queued_at to the last update, for videos that reached {@code done}. */
  public List<Latency> doneLatencies(Collection<String> videoIds) {
    return tx.read(c -> {
      List<Latency> out = new java.util.ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT video_id, extract(epoch FROM updated_at - queued_at) FROM ingest_state"
                  + " WHERE video_id = ANY (?) AND stage = 'done' ORDER BY 2")) {
        ps.setArray(1, c.createArrayOf("text", videoIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Latency(rs.getString(1), rs.getDouble(2)));
          }
        }
      }
      return out;
    });
  }
}
