package io.tagcf.store.effects;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.effects.InstrumentEstimate;
import io.tagcf.models.effects.Overlap;
import io.tagcf.models.effects.PlaceboCheck;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.effects.VideoDesign;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads published snapshots: their list, one tag's effects, rankings of tags by effect, and one
 * video's attributions. Nothing here reads a snapshot that is still running or failed, except the
 * snapshot list, which shows every run with its status.
 */
public final class EffectReader {
  /** How a ranking is ordered. */
  public enum Sort {
    /** Largest positive effect first. */
    EFFECT_DESC,
    /** Most negative first. */
    EFFECT_ASC,
    /** Farthest from zero in standard errors first. */
    SIGNIFICANCE
  }

  private static final String CELL_COLUMNS = "e.tag_id, e.segment, e.outcome, e.status, e.reason, e.videos,"
      + " e.treated_videos, e.control_videos, e.exposures, e.treated_exposures, e.estimate, e.se, e.ci_low,"
      + " e.ci_high, e.naive_estimate, e.naive_se, e.ipw_estimate, e.ipw_se, e.iv_estimate, e.iv_se,"
      + " e.iv_first_stage_f, e.ess_treated, e.ess_control, e.clipped_share, e.placebo_estimate, e.placebo_se,"
      + " e.placebo_passed, e.control_mean, e.sensitivity, e.robust";
  private final Transactions tx;

  public EffectReader(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** The newest snapshots first, every status. */
  public List<SnapshotInfo> snapshots(int limit) {
    return tx.read(c -> {
      List<SnapshotInfo> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SnapshotStore.INFO_COLUMNS
          + " FROM effect_snapshots ORDER BY snapshot_id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(SnapshotStore.info(rs));
          }
        }
      }
      return out;
    });
  }

  public Optional<SnapshotInfo> snapshot(long snapshotId) {
    return tx.read(c -> SnapshotStore.info(c, snapshotId));
  }

  /** The newest published snapshot. */
  public Optional<SnapshotInfo> latestPublished() {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SnapshotStore.INFO_COLUMNS
          + " FROM effect_snapshots WHERE status = 'published' ORDER BY snapshot_id DESC LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(SnapshotStore.info(rs)) : Optional.empty();
      }
    });
  }

  /** A published snapshot's cells of one tag, optionally one segment and/or outcome. */
  public List<CellEstimate> tagEffects(long snapshotId, long tagId, String segment, String outcome) {
    return tx.read(c -> {
      List<CellEstimate> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + CELL_COLUMNS + " FROM tag_effects e"
          + " JOIN effect_snapshots s ON s.snapshot_id = e.snapshot_id AND s.status = 'published'"
          + " WHERE e.snapshot_id = ? AND e.tag_id = ? AND (?::text IS NULL OR e.segment = ?)"
          + " AND (?::text IS NULL OR e.outcome = ?) ORDER BY e.segment, e.outcome")) {
        ps.setLong(1, snapshotId);
        ps.setLong(2, tagId);
        ps.setString(3, segment);
        ps.setString(4, segment);
        ps.setString(5, outcome);
        ps.setString(6, outcome);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(cell(rs, 1));
          }
        }
      }
      return out;
    });
  }

  /** Estimated cells of one outcome and segment, ranked, with their tags' names. */
  public List<RankedEffect> ranking(long snapshotId, String outcome, String segment, Sort sort, boolean robustOnly,
      int limit) {
    String order = switch (sort) {
      case EFFECT_DESC -> "e.estimate DESC";
      case EFFECT_ASC -> "e.estimate ASC";
      case SIGNIFICANCE -> "abs(e.estimate) / nullif(e.se, 0) DESC NULLS LAST";
    };
    return tx.read(c -> {
      List<RankedEffect> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT t.slug, t.label_en, t.label_zh, t.category, "
          + CELL_COLUMNS + " FROM tag_effects e"
          + " JOIN effect_snapshots s ON s.snapshot_id = e.snapshot_id AND s.status = 'published'"
          + " JOIN tags t ON t.tag_id = e.tag_id"
          + " WHERE e.snapshot_id = ? AND e.outcome = ? AND e.segment = ? AND e.status = 'estimated'"
          + (robustOnly ? " AND e.robust" : "") + " ORDER BY " + order + ", e.tag_id LIMIT ?")) {
        ps.setLong(1, snapshotId);
        ps.setString(2, outcome);
        ps.setString(3, segment);
        ps.setInt(4, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new RankedEffect(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), cell(rs, 5)));
          }
        }
      }
      return out;
    });
  }

  /** A published snapshot's attributions of one video, by tag, segment and outcome. */
  public List<VideoAttribution> attributions(long snapshotId, String videoId) {
    return tx.read(c -> {
      List<VideoAttribution> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT a.video_id, a.tag_id, a.segment, a.outcome, a.exposures, a.observed, a.with_rate, a.with_low,"
              + " a.with_high, a.without_rate, a.without_low, a.without_high, a.effect, a.effect_low, a.effect_high"
              + " FROM video_attributions a"
              + " JOIN effect_snapshots s ON s.snapshot_id = a.snapshot_id AND s.status = 'published'"
              + " WHERE a.snapshot_id = ? AND a.video_id = ? ORDER BY a.tag_id, a.segment, a.outcome")) {
        ps.setLong(1, snapshotId);
        ps.setString(2, videoId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new VideoAttribution(rs.getString(1), rs.getLong(2), rs.getString(3),
                SnapshotStore.outcome(rs.getString(4)), rs.getInt(5), rs.getDouble(6),
                interval(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)),
                interval(rs.getDouble(10), rs.getDouble(11), rs.getDouble(12)),
                interval(rs.getDouble(13), rs.getDouble(14), rs.getDouble(15))));
          }
        }
      }
      return out;
    });
  }

  /**
   * What the tags of one creator's videos did for those videos on {@code outcome} over all viewers,
   * largest effect first, with each tag's platform-wide effect.
   */
  public List<CreatorTagEffect> creatorInsights(long snapshotId, String creatorId, String outcome) {
    return tx.read(c -> {
      List<CreatorTagEffect> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT a.tag_id, t.slug, t.label_en, t.label_zh,"
          + " count(DISTINCT a.video_id), sum(a.exposures),"
          + " sum(a.effect * a.exposures) / sum(a.exposures), sum(a.effect_low * a.exposures) / sum(a.exposures),"
          + " sum(a.effect_high * a.exposures) / sum(a.exposures), e.estimate, e.ci_low, e.ci_high, e.robust"
          + " FROM video_attributions a"
          + " JOIN effect_snapshots s ON s.snapshot_id = a.snapshot_id AND s.status = 'published'"
          + " JOIN videos v ON v.video_id = a.video_id AND v.creator_id = ?"
          + " JOIN tags t ON t.tag_id = a.tag_id"
          + " LEFT JOIN tag_effects e ON e.snapshot_id = a.snapshot_id AND e.tag_id = a.tag_id AND e.segment = a.segment"
          + "   AND e.outcome = a.outcome AND e.status = 'estimated'"
          + " WHERE a.snapshot_id = ? AND a.outcome = ? AND a.segment = ?"
          + " GROUP BY a.tag_id, t.slug, t.label_en, t.label_zh, e.estimate, e.ci_low, e.ci_high, e.robust"
          + " ORDER BY 7 DESC, a.tag_id")) {
        ps.setString(1, creatorId);
        ps.setLong(2, snapshotId);
        ps.setString(3, outcome);
        ps.setString(4, VideoDesign.ALL_SEGMENTS);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Double platform = (Double) rs.getObject(10);
            out.add(new CreatorTagEffect(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getLong(6), interval(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)),
                platform == null ? null : interval(platform, rs.getDouble(11), rs.getDouble(12)), rs.getBoolean(13)));
          }
        }
      }
      return out;
    });
  }

  /** An estimate known by its interval: the SE is the normal one the interval implies. */
  private static Estimate interval(double estimate, double low, double high) {
    return new Estimate(estimate, (high - low) / (2 * 1.959963984540054), low, high);
  }

  private static CellEstimate cell(ResultSet rs, int first) throws SQLException {
    int i = first;
    long tagId = rs.getLong(i++);
    String segment = rs.getString(i++);
    var outcome = SnapshotStore.outcome(rs.getString(i++));
    CellStatus status = CellStatus.valueOf(rs.getString(i++).toUpperCase(java.util.Locale.ROOT));
    String reason = rs.getString(i++);
    int videos = rs.getInt(i++);
    int treated = rs.getInt(i++);
    int control = rs.getInt(i++);
    long exposures = rs.getLong(i++);
    long treatedExposures = rs.getLong(i++);
    if (status == CellStatus.INSUFFICIENT) {
      return new CellEstimate(tagId, segment, outcome, status, reason, videos, treated, control, exposures,
          treatedExposures, null, null, null, null, null, null, null, null, false);
    }
    Estimate aipw = new Estimate(rs.getDouble(i++), rs.getDouble(i++), rs.getDouble(i++), rs.getDouble(i++));
    Estimate naive = Estimate.of(rs.getDouble(i++), rs.getDouble(i++));
    Estimate ipw = Estimate.of(rs.getDouble(i++), rs.getDouble(i++));
    Double ivEstimate = (Double) rs.getObject(i++);
    Double ivSe = (Double) rs.getObject(i++);
    Double ivF = (Double) rs.getObject(i++);
    InstrumentEstimate iv = ivEstimate == null ? null
        : new InstrumentEstimate(Estimate.of(ivEstimate, ivSe), ivF, ivF < 10);
    Overlap overlap = new Overlap(rs.getDouble(i++), rs.getDouble(i++), rs.getDouble(i++));
    double placeboEstimate = rs.getDouble(i++);
    double placeboSe = rs.getDouble(i++);
    PlaceboCheck placebo = new PlaceboCheck(Estimate.of(placeboEstimate, placeboSe), rs.getBoolean(i++));
    double controlMean = rs.getDouble(i++);
    Double sensitivity = (Double) rs.getObject(i++);
    boolean robust = rs.getBoolean(i);
    return new CellEstimate(tagId, segment, outcome, status, null, videos, treated, control, exposures,
        treatedExposures, aipw, naive, ipw, iv, overlap, placebo, controlMean, sensitivity, robust);
  }
}
