package io.tagcf.store.video;

import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the catalog of tagged videos, and adds simulated videos to it (the demo's way to make a
 * small corpus large enough for effect estimation): rows in {@code videos} and {@code video_tags}
 * marked by their tagger provenance ("offline", model "simulated") and an ingest state of done.
 */
public final class VideoCatalog {
  public static final String SIMULATED_MODEL = "simulated";
  private final Transactions tx;

  public VideoCatalog(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Every video with at least one item tag, by id. */
  public List<CatalogVideo> read() {
    return tx.read(c -> {
      List<CatalogVideo> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT v.video_id, v.creator_id, v.duration_sec,"
              + " (array_agg(t.category ORDER BY vt.score DESC, vt.tag_id))[1],"
              + " array_agg(vt.tag_id ORDER BY vt.score DESC, vt.tag_id),"
              + " array_agg(vt.score ORDER BY vt.score DESC, vt.tag_id)"
              + " FROM videos v JOIN video_tags vt ON vt.video_id = v.video_id AND vt.kind = 'item'"
              + " JOIN tags t ON t.tag_id = vt.tag_id GROUP BY v.video_id ORDER BY v.video_id")) {
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new CatalogVideo(rs.getString(1), rs.getString(2), (Double) rs.getObject(3), rs.getString(4),
                Arrays.stream((Long[]) rs.getArray(5).getArray()).mapToLong(Long::longValue).toArray(),
                Arrays.stream((Double[]) rs.getArray(6).getArray()).mapToDouble(Double::doubleValue).toArray()));
          }
        }
      }
      return out;
    });
  }

  /**
   * Adds simulated videos with their item tags (an existing id is left as it is).
   *
   * @return how many were added
   */
  public int addSimulated(List<CatalogVideo> videos, String language) {
    return tx.inTransaction(c -> {
      int added = 0;
      try (PreparedStatement video = c.prepareStatement(
              "INSERT INTO videos (video_id, creator_id, title, duration_sec, language, content_hash)"
                  + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (video_id) DO NOTHING");
          PreparedStatement state = c.prepareStatement(
              "INSERT INTO ingest_state (video_id, content_hash, stage, workflow_id) VALUES (?, ?, 'done', ?)"
                  + " ON CONFLICT (video_id) DO NOTHING");
          PreparedStatement tag = c.prepareStatement(
              "INSERT INTO video_tags (video_id, tag_id, kind, score, rank, raw_label, match_similarity, tagger,"
                  + " tagger_model, content_hash) SELECT ?, t.tag_id, 'item', ?, ?, t.slug, 1, 'offline', ?, ?"
                  + " FROM tags t WHERE t.tag_id = ? ON CONFLICT DO NOTHING")) {
        for (CatalogVideo v : videos) {
          String hash = "simulated:" + v.videoId();
          video.setString(1, v.videoId());
          video.setString(2, v.creatorId());
          video.setString(3, "Simulated video " + v.videoId());
          if (v.durationSeconds() == null) {
            video.setNull(4, Types.DOUBLE);
          } else {
            video.setDouble(4, v.durationSeconds());
          }
          video.setString(5, language);
          video.setString(6, hash);
          int inserted = video.executeUpdate();
          if (inserted == 0) {
            continue;
          }
          added++;
          state.setString(1, v.videoId());
          state.setString(2, hash);
          state.setString(3, SIMULATED_MODEL);
          state.executeUpdate();
          for (int i = 0; i < v.itemTagIds().length; i++) {
            tag.setString(1, v.videoId());
            tag.setDouble(2, v.itemTagScores()[i]);
            tag.setInt(3, i + 1);
            tag.setString(4, SIMULATED_MODEL);
            tag.setString(5, hash);
            tag.setLong(6, v.itemTagIds()[i]);
            tag.addBatch();
          }
          tag.executeBatch();
        }
      }
      return added;
    });
  }
}
