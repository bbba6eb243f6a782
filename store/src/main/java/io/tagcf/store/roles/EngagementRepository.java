package io.tagcf.store.roles;

import io.tagcf.models.roles.EngagementWindow;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The engagements of users with videos, read from the interaction log: {@code engagements} is a
 * view of the clicked exposures whose strength rule is written in
 * {@code V5__engagements_from_log.sql}. Readers never see single engagements: the log is summed
 * per (user, video) in PostgreSQL and streamed.
 */
public final class EngagementRepository {

  /** Rows per round trip of the cursor. */
  private static final int FETCH_SIZE = 10_000;

  // The recency decay of EngagementWindow. PostgreSQL raises an error where 0.5^x underflows
  // (x > 1074) instead of returning 0, so the exponent stops at 1000 half-lives (2^-1000 ≈ 1e-301):
  // only a window more than 1000 half-lives long reaches it, and beyond it every engagement weighs
  // the same. A video's tags come as two arrays in the same (tag id) order, aggregated per video
  // before the join so that the engaged pairs are sorted once, by their key alone.
  private static final String ENGAGED_VIDEOS = """
      WITH engaged AS (
        SELECT user_id, video_id, count(*) AS engagements,
               sum(strength * power(0.5::float8,
                   least(greatest(extract(epoch FROM ?::timestamptz - engaged_at)::float8, 0) / ?, 1000))) AS weight
        FROM engagements
        WHERE engaged_at >= ?
        GROUP BY user_id, video_id),
      tagged AS (
        SELECT video_id, array_agg(tag_id ORDER BY tag_id) AS tag_ids, array_agg(score ORDER BY tag_id) AS scores
        FROM video_tags
        WHERE kind = ? AND score > 0
        GROUP BY video_id)
      SELECT e.user_id, e.video_id, e.engagements, e.weight, coalesce(t.tag_ids, '{}'), coalesce(t.scores, '{}')
      FROM engaged e LEFT JOIN tagged t ON t.video_id = e.video_id
      ORDER BY e.user_id, e.video_id""";

  private final Transactions tx;

  public EngagementRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Streams the engagements of {@code window} summed per (user, video), each row with its weight
   * Σ strength · 0.5^(age / halfLife) and the video's tags of {@code kind}, to {@code reader}. Rows
   * come grouped by user (ordered by user id, then video id); a video without tags of that kind
   * comes with none. The stream is only valid inside {@code reader}: it reads a cursor of a
   * read-only transaction that ends when the reader returns.
   */
  public <T> T read(TagKind kind, EngagementWindow window, Function<EngagedVideoStream, T> reader) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(ENGAGED_VIDEOS)) {
        ps.setObject(1, utc(window.now()));
        ps.setDouble(2, window.halfLifeSeconds());
        ps.setObject(3, utc(window.since()));
        ps.setString(4, kind.wireName());
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
          return reader.apply(new EngagedVideoStream(rs));
        }
      }
    });
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
