package io.tagcf.store.video;

import io.tagcf.store.Transactions;
import io.tagcf.store.copy.CopyIn;
import io.tagcf.store.copy.PgBinaryCopy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
   * Adds simulated videos with their item tags (an existing id is left as it is, and of an id given
   * twice the first is added; a tag id the vocabulary lacks is dropped).
   *
   * @return how many were added
   */
  public int addSimulated(List<CatalogVideo> videos, String language) {
    // Staged by binary COPY and inserted by one statement: row by row (three round trips per video)
    // the 100,000 videos of the scale benchmark took 47 s, this way 7.5 s.
    PgBinaryCopy staged = new PgBinaryCopy(4);
    PgBinaryCopy stagedTags = new PgBinaryCopy(5);
    for (int i = 0; i < videos.size(); i++) {
      CatalogVideo v = videos.get(i);
      staged.startRow().int4(i).text(v.videoId()).text(v.creatorId());
      if (v.durationSeconds() == null) {
        staged.nullField();
      } else {
        staged.float8(v.durationSeconds());
      }
      for (int k = 0; k < v.itemTagIds().length; k++) {
        stagedTags.startRow().int4(i).int8(v.itemTagIds()[k]).float8(v.itemTagScores()[k]).int4(k + 1)
            .text(v.videoId());
      }
    }
    return tx.inTransaction(c -> {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TEMP TABLE simulated_videos (ord integer, video_id text, creator_id text,"
            + " duration_sec double precision) ON COMMIT DROP");
        st.execute("CREATE TEMP TABLE simulated_tags (ord integer, tag_id bigint, score double precision,"
            + " rank integer, video_id text) ON COMMIT DROP");
      }
      CopyIn.binary(c, "COPY simulated_videos FROM STDIN (FORMAT binary)", staged);
      if (stagedTags.rows() > 0) {
        CopyIn.binary(c, "COPY simulated_tags FROM STDIN (FORMAT binary)", stagedTags);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "WITH firsts AS (SELECT DISTINCT ON (video_id) * FROM simulated_videos ORDER BY video_id, ord),"
              + " added AS (INSERT INTO videos (video_id, creator_id, title, duration_sec, language, content_hash)"
              + "   SELECT video_id, creator_id, 'Simulated video ' || video_id, duration_sec, ?,"
              + "   'simulated:' || video_id FROM firsts ORDER BY video_id"
              + "   ON CONFLICT (video_id) DO NOTHING RETURNING video_id),"
              + " states AS (INSERT INTO ingest_state (video_id, content_hash, stage, workflow_id)"
              + "   SELECT video_id, 'simulated:' || video_id, 'done', ? FROM added"
              + "   ON CONFLICT (video_id) DO NOTHING),"
              + " tagged AS (INSERT INTO video_tags (video_id, tag_id, kind, score, rank, raw_label,"
              + "   match_similarity, tagger, tagger_model, content_hash)"
              + "   SELECT s.video_id, t.tag_id, 'item', s.score, s.rank, t.slug, 1, 'offline', ?,"
              + "   'simulated:' || s.video_id FROM simulated_tags s"
              + "   JOIN firsts f ON f.ord = s.ord JOIN added a ON a.video_id = s.video_id"
              + "   JOIN tags t ON t.tag_id = s.tag_id ON CONFLICT DO NOTHING)"
              + " SELECT count(*) FROM added")) {
        ps.setString(1, language);
        ps.setString(2, SIMULATED_MODEL);
        ps.setString(3, SIMULATED_MODEL);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }
}
