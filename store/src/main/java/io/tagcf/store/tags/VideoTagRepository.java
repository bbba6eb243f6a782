package io.tagcf.store.tags;

import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The tags assigned to each video. */
public final class VideoTagRepository {

  private final Transactions tx;

  public VideoTagRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Replaces a video's tags with {@code tags}, inside the caller's transaction. Two raw tags that
   * normalised onto the same vocabulary tag are one assignment with the higher score.
   */
  public static void replace(Connection c, String videoId, String contentHash, NormalisedTags tags)
      throws SQLException {
    Map<Long, NormalisedTag> best = new LinkedHashMap<>();
    for (NormalisedTag t : tags.tags()) {
      best.merge(t.tagId(), t, (a, b) -> b.score() > a.score() ? b : a);
    }
    // The usage-count triggers (V9) lock the tag rows of the delete, then those of the insert. Two
    // re-tagged videos could then take the same rows in opposite orders; locking the old and new
    // tags together, in tag_id order, first keeps every writer in one order.
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tags WHERE tag_id = ANY (?)"
        + " OR tag_id IN (SELECT tag_id FROM video_tags WHERE video_id = ?) ORDER BY tag_id FOR NO KEY UPDATE")) {
      ps.setArray(1, c.createArrayOf("bigint", best.keySet().toArray()));
      ps.setString(2, videoId);
      ps.executeQuery().close();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM video_tags WHERE video_id = ?")) {
      ps.setString(1, videoId);
      ps.executeUpdate();
    }
    Map<TagKind, Integer> ranks = new HashMap<>();
    List<NormalisedTag> ordered = new ArrayList<>(best.values());
    ordered.sort((a, b) -> Double.compare(b.score(), a.score()));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO video_tags (video_id, tag_id, kind, score, rank, raw_label,"
                + " match_similarity, tagger, tagger_model, prompt_version, content_hash, provider,"
                + " fallback_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NormalisedTag t : ordered) {
        ps.setString(1, videoId);
        ps.setLong(2, t.tagId());
        ps.setString(3, t.kind().wireName());
        ps.setDouble(4, t.score());
        ps.setInt(5, ranks.merge(t.kind(), 1, Integer::sum));
        ps.setString(6, t.rawLabel());
        ps.setDouble(7, t.matchSimilarity());
        ps.setString(8, tags.tagger().wireName());
        ps.setString(9, tags.model());
        ps.setString(10, tags.promptVersion());
        ps.setString(11, contentHash);
        ps.setString(12, tags.provider());
        ps.setString(13, tags.fallbackReason());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE tags SET last_seen_at = now() WHERE tag_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("bigint", best.keySet().toArray()));
      ps.executeUpdate();
    }
  }

  public List<VideoTag> tagsOf(String videoId) {
    return tx.read(c -> {
      List<VideoTag> out = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT vt.tag_id, vt.kind, t.slug, t.label_en, t.label_zh, t.status, vt.score,"
                  + " vt.rank, vt.raw_label, vt.match_similarity, vt.tagger, vt.tagger_model,"
                  + " vt.prompt_version, vt.provider, vt.fallback_reason"
                  + " FROM video_tags vt JOIN tags t ON t.tag_id = vt.tag_id"
                  + " WHERE vt.video_id = ? ORDER BY vt.kind, vt.rank")) {
        ps.setString(1, videoId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new VideoTag(
                    rs.getLong(1), TagKind.fromWireName(rs.getString(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), "candidate".equals(rs.getString(6)),
                    rs.getDouble(7), rs.getInt(8), rs.getString(9), rs.getDouble(10),
                    rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                    rs.getString(15)));
          }
        }
      }
      return out;
    });
  }
}
