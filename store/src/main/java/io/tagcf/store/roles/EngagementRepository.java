package io.tagcf.store.roles;

import io.tagcf.models.roles.Engagement;
import io.tagcf.models.roles.WeightedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Engagements of users with videos (strength: e.g. 1 for a click, more for a completion or a
 * like) and the tags of the videos they touched.
 */
public final class EngagementRepository {

  private final Transactions tx;

  public EngagementRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Adds engagements; an identical (user, video, time) row is kept once. */
  public void record(Collection<Engagement> engagements) {
    tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO engagements (user_id, video_id, strength, engaged_at) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT DO NOTHING")) {
        for (Engagement e : engagements) {
          ps.setString(1, e.userId());
          ps.setString(2, e.videoId());
          ps.setDouble(3, e.strength());
          ps.setTimestamp(4, Timestamp.from(e.at()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  public List<Engagement> since(Instant since) {
    return tx.read(c -> {
      List<Engagement> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT user_id, video_id, strength, engaged_at FROM engagements WHERE engaged_at >= ?")) {
        ps.setTimestamp(1, Timestamp.from(since));
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Engagement(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getTimestamp(4).toInstant()));
          }
        }
      }
      return out;
    });
  }

  /** The tags of {@code kind} of every video engaged with since {@code since}, with their scores. */
  public Map<String, List<WeightedTag>> tagsOfEngagedVideos(TagKind kind, Instant since) {
    return tx.read(c -> {
      Map<String, List<WeightedTag>> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT vt.video_id, vt.tag_id, vt.score FROM video_tags vt WHERE vt.kind = ? AND vt.score > 0"
              + " AND vt.video_id IN (SELECT DISTINCT video_id FROM engagements WHERE engaged_at >= ?)")) {
        ps.setString(1, kind.wireName());
        ps.setTimestamp(2, Timestamp.from(since));
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new WeightedTag(rs.getLong(2), rs.getDouble(3)));
          }
        }
      }
      return out;
    });
  }
}
