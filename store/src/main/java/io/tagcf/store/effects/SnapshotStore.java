package io.tagcf.store.effects;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.SegmentScheme;
import io.tagcf.models.effects.TagEffects;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.effects.VideoDesign;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.StoreException;
import io.tagcf.store.Transactions;
import io.tagcf.store.copy.CopyIn;
import io.tagcf.store.copy.PgBinaryCopy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Writes effect snapshots: the run's row, its input (aggregated in SQL from the exposure log), each
 * shard's results, and the publication. Every step can be repeated: a retried activity finds its
 * snapshot by run key, re-preparing replaces the input, a shard's rows are replaced as a whole,
 * and publication is one conditional UPDATE.
 */
public final class SnapshotStore {
  /** The numeric covariates of the video-level design, in order. */
  public static final List<String> BASE_COVARIATES = List.of("log1p_creator_videos", "log_duration_sec",
      "log1p_age_days");
  /** Random projections of the content embedding added to the covariates when embeddings exist. */
  public static final int EMBEDDING_PROJECTIONS = 4;
  private static final String[] OUTCOME_COLUMNS = {"clicks", "completions", "likes"};
  private final Transactions tx;

  public SnapshotStore(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** The snapshot of this run, created as running if it does not exist yet. */
  public long begin(String runKey, Instant windowStart, Instant windowEnd, SegmentScheme scheme, String settingsJson) {
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO effect_snapshots (run_key, status, window_start, window_end, segment_scheme, settings)"
              + " VALUES (?, 'running', ?, ?, ?, ?::jsonb) ON CONFLICT (run_key) DO NOTHING")) {
        ps.setString(1, runKey);
        ps.setTimestamp(2, Timestamp.from(windowStart));
        ps.setTimestamp(3, Timestamp.from(windowEnd));
        ps.setString(4, scheme.text());
        ps.setString(5, settingsJson);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_id FROM effect_snapshots WHERE run_key = ?")) {
        ps.setString(1, runKey);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /**
   * Aggregates the window's exposures into per (video, segment) counts, picks the tags (the latest
   * item cover set, else every item tag the window's videos carry), and stores each video's design
   * row; all in one transaction, replacing any earlier attempt's input.
   */
  public PreparedSnapshot prepare(long snapshotId, int shards) {
    return tx.inTransaction(c -> {
      SnapshotInfo info = info(c, snapshotId).orElseThrow(() -> new StoreException("no snapshot " + snapshotId));
      SegmentScheme scheme = SegmentScheme.parse(info.segmentScheme());
      for (String table : List.of("effect_cell_stats", "effect_snapshot_videos", "effect_shards", "tag_effects",
          "video_attributions", "snapshot_video_metrics", "snapshot_video_roles")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE snapshot_id = ?")) {
          ps.setLong(1, snapshotId);
          ps.executeUpdate();
        }
      }
      SegmentSql segment = SegmentSql.of(scheme);
      long exposures;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO effect_cell_stats (snapshot_id, video_id, segment, exposures, clicks, completions, likes,"
              + " explore_exposures, explore_clicks, explore_completions, explore_likes)"
              + " SELECT ?, e.video_id, " + segment.expression() + ", count(*),"
              + " count(*) FILTER (WHERE e.clicked), count(*) FILTER (WHERE e.completed),"
              + " count(*) FILTER (WHERE e.liked), count(*) FILTER (WHERE e.exploration),"
              + " count(*) FILTER (WHERE e.exploration AND e.clicked),"
              + " count(*) FILTER (WHERE e.exploration AND e.completed),"
              + " count(*) FILTER (WHERE e.exploration AND e.liked)"
              + " FROM exposures e JOIN users u ON u.user_id = e.user_id" + segment.join()
              + " WHERE e.exposed_at >= ? AND e.exposed_at < ? GROUP BY 2, 3")) {
        ps.setLong(1, snapshotId);
        ps.setTimestamp(2, Timestamp.from(info.windowStart()));
        ps.setTimestamp(3, Timestamp.from(info.windowEnd()));
        ps.executeUpdate();
      }
      keepForExplanations(c, snapshotId, info);
      List<String> segments = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT segment, sum(exposures) FROM effect_cell_stats WHERE snapshot_id = ? GROUP BY 1 ORDER BY 1")) {
        ps.setLong(1, snapshotId);
        long total = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            segments.add(rs.getString(1));
            total += rs.getLong(2);
          }
        }
        exposures = total;
      }
      String tagSource;
      List<Long> coverSet = longs(c, "SELECT m.tag_id FROM cover_set_members m WHERE m.version ="
          + " (SELECT max(version) FROM cover_set_versions WHERE kind = 'item')");
      Long coverVersion = coverSet.isEmpty() ? null
          : longs(c, "SELECT max(version) FROM cover_set_versions WHERE kind = 'item'").get(0);
      tagSource = coverVersion == null ? "item tags (no cover set yet)" : "item cover set v" + coverVersion;
      String candidateTags = coverVersion == null
          ? "SELECT DISTINCT vt.tag_id FROM video_tags vt WHERE vt.kind = 'item'"
          : "SELECT m.tag_id FROM cover_set_members m WHERE m.version = " + coverVersion;
      Embeddings embeddings = Embeddings.find(c, snapshotId);
      String projections = embeddings == null ? "" : embeddings.sql();
      // One grouped join over the exposed videos' tags gives each video its category and candidate
      // tags: as correlated subqueries, the candidate list was probed once per video and cover-set
      // tag (26 million index probes, 50 s, for 88,000 videos and 300 tags).
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO effect_snapshot_videos (snapshot_id, video_id, category, tag_ids, covariates)"
              + " WITH exposed AS (SELECT DISTINCT video_id FROM effect_cell_stats WHERE snapshot_id = ?),"
              + " candidate AS (" + candidateTags + "),"
              + " tagged AS (SELECT vt.video_id,"
              + "   (array_agg(t.category ORDER BY vt.score DESC, vt.tag_id) FILTER (WHERE vt.kind = 'item'))[1]"
              + "     AS category,"
              + "   array_agg(vt.tag_id ORDER BY vt.tag_id) FILTER (WHERE ct.tag_id IS NOT NULL) AS tag_ids"
              + "   FROM exposed s JOIN video_tags vt ON vt.video_id = s.video_id JOIN tags t ON t.tag_id = vt.tag_id"
              + "   LEFT JOIN candidate ct ON ct.tag_id = vt.tag_id GROUP BY vt.video_id)"
              + " SELECT ?, v.video_id, tg.category, coalesce(tg.tag_ids, '{}'),"
              + " ARRAY[ln(1 + cv.n), ln(nullif(v.duration_sec, 0)),"
              + "   ln(1 + greatest(0, extract(epoch FROM (?::timestamptz - coalesce(v.published_at, v.created_at)))"
              + "   / 86400))" + projections + "]::double precision[]"
              + " FROM exposed s"
              + " JOIN videos v ON v.video_id = s.video_id"
              + " LEFT JOIN tagged tg ON tg.video_id = v.video_id"
              + " JOIN (SELECT creator_id, count(*) AS n FROM videos GROUP BY creator_id) cv"
              + "   ON cv.creator_id = v.creator_id"
              + (embeddings == null ? "" : " LEFT JOIN video_embeddings ve ON ve.video_id = v.video_id"
                  + " AND ve.model = ? AND ve.dim = ?"))) {
        int i = 1;
        ps.setLong(i++, snapshotId);
        ps.setLong(i++, snapshotId);
        ps.setTimestamp(i++, Timestamp.from(info.windowEnd()));
        if (embeddings != null) {
          for (String vector : embeddings.directions()) {
            ps.setString(i++, vector);
          }
          ps.setString(i++, embeddings.model());
          ps.setInt(i, embeddings.dim());
        }
        ps.executeUpdate();
      }
      // Tags by the number of the window's videos that carry them, most frequent first: shards
      // take them round-robin, so each gets a similar share of work.
      List<Long> tags = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT t, count(*) FROM effect_snapshot_videos, unnest(tag_ids) AS t WHERE snapshot_id = ?"
              + " GROUP BY t ORDER BY 2 DESC, 1")) {
        ps.setLong(1, snapshotId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tags.add(rs.getLong(1));
          }
        }
      }
      int videos = longs(c, "SELECT count(*) FROM effect_snapshot_videos WHERE snapshot_id = " + snapshotId)
          .get(0).intValue();
      int shardCount = tags.isEmpty() ? 0 : Math.max(1, Math.min(shards, tags.size()));
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE effect_snapshots SET segments = ?, tag_ids = ?, videos = ?, exposures = ?, shards_total = ?,"
              + " shards_done = 0, tag_source = ? WHERE snapshot_id = ?")) {
        ps.setArray(1, c.createArrayOf("text", segments.toArray()));
        ps.setArray(2, c.createArrayOf("bigint", tags.toArray()));
        ps.setInt(3, videos);
        ps.setLong(4, exposures);
        ps.setInt(5, shardCount);
        ps.setString(6, tagSource);
        ps.setLong(7, snapshotId);
        ps.executeUpdate();
      }
      return new PreparedSnapshot(snapshotId, tags, segments, videos, exposures, tagSource, shardCount);
    });
  }

  /** Top roles of a video's engaged users that {@link #keepForExplanations} keeps. */
  public static final int ROLES_KEPT = 5;

  /**
   * What explanations of the snapshot's videos compare against, kept after publication: each
   * video's counts in the window, and the roles of the users who engaged with it (an engagement
   * being a click, as in the engagements view), each user counting with P(role | user).
   */
  private static void keepForExplanations(Connection c, long snapshotId, SnapshotInfo info) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO snapshot_video_metrics (snapshot_id, video_id, exposures, clicks, completions, likes)"
            + " SELECT snapshot_id, video_id, sum(exposures), sum(clicks), sum(completions), sum(likes)"
            + " FROM effect_cell_stats WHERE snapshot_id = ? GROUP BY 1, 2")) {
      ps.setLong(1, snapshotId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO snapshot_video_roles (snapshot_id, video_id, tag_id, share, users)"
            + " SELECT ?, video_id, tag_id, least(1, mass / total), users FROM ("
            + "   SELECT e.video_id, r.tag_id, sum(r.probability) AS mass, count(*) AS users,"
            + "     sum(sum(r.probability)) OVER (PARTITION BY e.video_id) AS total,"
            + "     row_number() OVER (PARTITION BY e.video_id ORDER BY sum(r.probability) DESC, r.tag_id) AS rk"
            + "   FROM (SELECT DISTINCT user_id, video_id FROM exposures"
            + "     WHERE exposed_at >= ? AND exposed_at < ? AND clicked) e"
            + "   JOIN user_roles r ON r.user_id = e.user_id GROUP BY e.video_id, r.tag_id) x"
            + " WHERE rk <= " + ROLES_KEPT)) {
      ps.setLong(1, snapshotId);
      ps.setTimestamp(2, Timestamp.from(info.windowStart()));
      ps.setTimestamp(3, Timestamp.from(info.windowEnd()));
      ps.executeUpdate();
    }
  }

  private static List<Long> longs(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getObject(1) == null ? null : rs.getLong(1));
      }
    }
    return out;
  }

  /**
   * The embedding model most of the snapshot's videos have, and {@link #EMBEDDING_PROJECTIONS}
   * seeded Gaussian directions in its dimension: pgvector's inner product projects onto them in SQL.
   */
  private record Embeddings(String model, int dim, List<String> directions) {

    static Embeddings find(Connection c, long snapshotId) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ve.model, ve.dim FROM video_embeddings ve WHERE ve.video_id IN"
              + " (SELECT DISTINCT video_id FROM effect_cell_stats WHERE snapshot_id = ?)"
              + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1")) {
        ps.setLong(1, snapshotId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          String model = rs.getString(1);
          int dim = rs.getInt(2);
          SplittableRandom random = new SplittableRandom(dim * 7919L + EMBEDDING_PROJECTIONS);
          List<String> directions = new ArrayList<>();
          for (int k = 0; k < EMBEDDING_PROJECTIONS; k++) {
            StringBuilder sb = new StringBuilder("[");
            for (int j = 0; j < dim; j++) {
              sb.append(j == 0 ? "" : ",").append((float) (random.nextGaussian() / Math.sqrt(dim)));
            }
            directions.add(sb.append(']').toString());
          }
          return new Embeddings(model, dim, directions);
        }
      }
    }

    /** The projection columns; a video without the embedding gets NULLs (missing, imputed). */
    String sql() {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < directions.size(); k++) {
        sb.append(", -(ve.embedding <#> ?::vector)");
      }
      return sb.toString();
    }
  }

  /** The snapshot's design, read back from its stored input. */
  public VideoDesign readDesign(long snapshotId) {
    return tx.read(c -> {
      SnapshotInfo info = info(c, snapshotId).orElseThrow(() -> new StoreException("no snapshot " + snapshotId));
      long[] tagIds = new long[0];
      int covariates = BASE_COVARIATES.size();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT tag_ids, (SELECT max(cardinality(covariates)) FROM effect_snapshot_videos WHERE snapshot_id = ?)"
              + " FROM effect_snapshots WHERE snapshot_id = ?")) {
        ps.setLong(1, snapshotId);
        ps.setLong(2, snapshotId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            tagIds = Arrays.stream((Long[]) rs.getArray(1).getArray()).mapToLong(Long::longValue).toArray();
            covariates = Math.max(covariates, rs.getInt(2));
          }
        }
      }
      List<String> names = new ArrayList<>(BASE_COVARIATES);
      for (int k = 1; names.size() < covariates; k++) {
        names.add("embedding_projection_" + k);
      }
      VideoDesign.Builder b = VideoDesign.builder(info.segments(), tagIds, names);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT video_id, category, tag_ids, covariates FROM effect_snapshot_videos WHERE snapshot_id = ?"
              + " ORDER BY video_id")) {
        ps.setLong(1, snapshotId);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long[] tags = Arrays.stream((Long[]) rs.getArray(3).getArray()).mapToLong(Long::longValue).toArray();
            Double[] raw = (Double[]) rs.getArray(4).getArray();
            double[] values = new double[names.size()];
            for (int i = 0; i < values.length; i++) {
              values[i] = i < raw.length && raw[i] != null && Double.isFinite(raw[i]) ? raw[i] : Double.NaN;
            }
            b.video(rs.getString(1), tags, rs.getString(2), values);
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT video_id, segment, exposures, clicks, completions, likes, explore_exposures, explore_clicks,"
              + " explore_completions, explore_likes FROM effect_cell_stats WHERE snapshot_id = ?")) {
        ps.setLong(1, snapshotId);
        ps.setFetchSize(50_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            b.cell(rs.getString(1), rs.getString(2), rs.getInt(3),
                new int[] {rs.getInt(4), rs.getInt(5), rs.getInt(6)}, rs.getInt(7),
                new int[] {rs.getInt(8), rs.getInt(9), rs.getInt(10)});
          }
        }
      }
      return b.build();
    });
  }

  /**
   * Replaces the shard's tags' results with these, records the shard as done and counts the
   * snapshot's finished shards, in one transaction.
   */
  public void writeShard(long snapshotId, int shard, List<TagEffects> results, double seconds) {
    tx.inTransaction(c -> {
      Long[] tagIds = results.stream().map(TagEffects::tagId).toArray(Long[]::new);
      for (String table : List.of("tag_effects", "video_attributions")) {
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM " + table + " WHERE snapshot_id = ? AND tag_id = ANY(?)")) {
          ps.setLong(1, snapshotId);
          ps.setArray(2, c.createArrayOf("bigint", tagIds));
          ps.executeUpdate();
        }
      }
      PgBinaryCopy cells = new PgBinaryCopy(31);
      int cellCount = 0;
      PgBinaryCopy attributions = new PgBinaryCopy(16);
      for (TagEffects effects : results) {
        for (CellEstimate cell : effects.cells()) {
          writeCell(cells.startRow(), snapshotId, cell);
          cellCount++;
        }
        for (VideoAttribution a : effects.attributions()) {
          attributions.startRow().int8(snapshotId).text(a.videoId()).int8(a.tagId()).text(a.segment())
              .text(a.outcome().label()).int4(a.exposures()).float8(a.observed())
              .float8(a.withTag().estimate()).float8(a.withTag().ciLow()).float8(a.withTag().ciHigh())
              .float8(a.withoutTag().estimate()).float8(a.withoutTag().ciLow()).float8(a.withoutTag().ciHigh())
              .float8(a.effect().estimate()).float8(a.effect().ciLow()).float8(a.effect().ciHigh());
        }
      }
      if (cells.rows() > 0) {
        CopyIn.binary(c, "COPY tag_effects FROM STDIN (FORMAT binary)", cells);
      }
      if (attributions.rows() > 0) {
        CopyIn.binary(c, "COPY video_attributions FROM STDIN (FORMAT binary)", attributions);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO effect_shards (snapshot_id, shard, tags, cells, seconds) VALUES (?, ?, ?, ?, ?)"
              + " ON CONFLICT (snapshot_id, shard) DO UPDATE SET tags = excluded.tags, cells = excluded.cells,"
              + " seconds = excluded.seconds, done_at = now()")) {
        ps.setLong(1, snapshotId);
        ps.setInt(2, shard);
        ps.setInt(3, results.size());
        ps.setInt(4, cellCount);
        ps.setDouble(5, seconds);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE effect_snapshots SET shards_done = (SELECT count(*) FROM effect_shards WHERE snapshot_id = ?)"
              + " WHERE snapshot_id = ?")) {
        ps.setLong(1, snapshotId);
        ps.setLong(2, snapshotId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static void writeCell(PgBinaryCopy row, long snapshotId, CellEstimate cell) {
    boolean estimated = cell.status() == CellStatus.ESTIMATED;
    row.int8(snapshotId).int8(cell.tagId()).text(cell.segment()).text(cell.outcome().label())
        .text(cell.status().wireName());
    text(row, cell.reason());
    row.int4(cell.videos()).int4(cell.treatedVideos()).int4(cell.controlVideos()).int8(cell.exposures())
        .int8(cell.treatedExposures());
    if (!estimated) {
      for (int i = 0; i < 19; i++) {
        row.nullField();
      }
      row.bool(false);
      return;
    }
    row.float8(cell.aipw().estimate()).float8(cell.aipw().se()).float8(cell.aipw().ciLow())
        .float8(cell.aipw().ciHigh()).float8(cell.naive().estimate()).float8(cell.naive().se())
        .float8(cell.ipw().estimate()).float8(cell.ipw().se());
    if (cell.iv() == null) {
      row.nullField().nullField().nullField();
    } else {
      row.float8(cell.iv().estimate().estimate()).float8(cell.iv().estimate().se()).float8(cell.iv().firstStageF());
    }
    row.float8(cell.overlap().essTreated()).float8(cell.overlap().essControl()).float8(cell.overlap().clippedShare())
        .float8(cell.placebo().placebo().estimate()).float8(cell.placebo().placebo().se()).bool(cell.placebo().passed())
        .float8(cell.controlMean());
    if (cell.sensitivity() == null) {
      row.nullField();
    } else {
      row.float8(cell.sensitivity());
    }
    row.bool(cell.robust());
  }

  private static void text(PgBinaryCopy row, String value) {
    if (value == null) {
      row.nullField();
    } else {
      row.text(value);
    }
  }

  /**
   * Publishes the snapshot if it is running and every shard is done: one UPDATE, so readers see
   * all of it or none. Its input tables are dropped: the results are what is kept.
   *
   * @return the published snapshot, or empty when it was not ready (or not running)
   */
  public Optional<SnapshotInfo> publish(long snapshotId) {
    return tx.inTransaction(c -> {
      int updated;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE effect_snapshots s SET status = 'published', published_at = now(),"
              + " cells_estimated = (SELECT count(*) FROM tag_effects e WHERE e.snapshot_id = s.snapshot_id"
              + "   AND e.status = 'estimated'),"
              + " cells_insufficient = (SELECT count(*) FROM tag_effects e WHERE e.snapshot_id = s.snapshot_id"
              + "   AND e.status = 'insufficient')"
              + " WHERE snapshot_id = ? AND status IN ('running', 'published') AND shards_done = shards_total")) {
        ps.setLong(1, snapshotId);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        return Optional.empty();
      }
      for (String table : List.of("effect_cell_stats", "effect_snapshot_videos")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE snapshot_id = ?")) {
          ps.setLong(1, snapshotId);
          ps.executeUpdate();
        }
      }
      return info(c, snapshotId);
    });
  }

  /** Marks a running snapshot failed with the reason; its partial results stay invisible. */
  public void fail(long snapshotId, String error) {
    tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE effect_snapshots SET status = 'failed', error = ? WHERE snapshot_id = ? AND status = 'running'")) {
        ps.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
        ps.setLong(2, snapshotId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  public Optional<SnapshotInfo> info(long snapshotId) {
    return tx.read(c -> info(c, snapshotId));
  }

  static final String INFO_COLUMNS = "snapshot_id, status, window_start, window_end, segment_scheme, segments,"
      + " tag_source, cardinality(tag_ids), videos, exposures, shards_total, shards_done, cells_estimated,"
      + " cells_insufficient, error, started_at, published_at";

  static Optional<SnapshotInfo> info(Connection c, long snapshotId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + INFO_COLUMNS + " FROM effect_snapshots WHERE snapshot_id = ?")) {
      ps.setLong(1, snapshotId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(info(rs)) : Optional.empty();
      }
    }
  }

  static SnapshotInfo info(ResultSet rs) throws SQLException {
    Array segments = rs.getArray(6);
    Timestamp published = rs.getTimestamp(17);
    return new SnapshotInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
        rs.getTimestamp(4).toInstant(), rs.getString(5), List.of((String[]) segments.getArray()), rs.getString(7),
        rs.getInt(8), rs.getInt(9), rs.getLong(10), rs.getInt(11), rs.getInt(12), (Integer) rs.getObject(13),
        (Integer) rs.getObject(14), rs.getString(15), rs.getTimestamp(16).toInstant(),
        published == null ? null : published.toInstant());
  }

  static Outcome outcome(String label) {
    return Outcome.valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
