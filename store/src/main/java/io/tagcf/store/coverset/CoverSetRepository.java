package io.tagcf.store.coverset;

import io.tagcf.models.coverset.CoverSet;
import io.tagcf.models.coverset.TaggedItem;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Transactions;
import io.tagcf.store.tags.CandidateQuarantine;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The items a cover set must cover, and the stored cover-set versions. */
public final class CoverSetRepository {

  private final Transactions tx;
  private final CandidateQuarantine quarantine;

  public CoverSetRepository(DataSource dataSource) {
    this(dataSource, CandidateQuarantine.DEFAULT);
  }

  public CoverSetRepository(DataSource dataSource, CandidateQuarantine quarantine) {
    this.tx = new Transactions(dataSource);
    this.quarantine = quarantine;
  }

  /**
   * Every video uploaded since {@code since}, with its tags of {@code kind}; videos without such
   * tags are included, as items nothing covers. Upload time, not the claimed publication time:
   * the cover set follows what the platform is receiving now. Quarantined candidates are left
   * out: the cover set feeds the logic prompts and the roles, which serve every creator.
   */
  public List<TaggedItem> recentItems(TagKind kind, Instant since) {
    return tx.read(c -> {
      List<TaggedItem> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT v.video_id, array_remove(array_agg(vt.tag_id), NULL) FROM videos v"
              + " LEFT JOIN (video_tags vt JOIN tags t ON t.tag_id = vt.tag_id AND " + quarantine.released("t") + ")"
              + " ON vt.video_id = v.video_id AND vt.kind = ?"
              + " WHERE v.created_at >= ? GROUP BY v.video_id")) {
        ps.setString(1, kind.wireName());
        ps.setTimestamp(2, Timestamp.from(since));
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TaggedItem(rs.getString(1), longs(rs.getArray(2))));
          }
        }
      }
      return out;
    });
  }

  /** Stores a run as a new version; returns its number. */
  public long save(TagKind kind, int windowDays, double tau, CoverSet cover) {
    return tx.inTransaction(c -> {
      long version;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO cover_set_versions (kind, window_days, tau, coverage, covered_items, total_items,"
              + " tag_count) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING version")) {
        ps.setString(1, kind.wireName());
        ps.setInt(2, windowDays);
        ps.setDouble(3, tau);
        ps.setDouble(4, cover.coverage());
        ps.setInt(5, cover.coveredItems());
        ps.setInt(6, cover.totalItems());
        ps.setInt(7, cover.tagIds().size());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          version = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO cover_set_members (version, tag_id, rank, marginal_gain) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < cover.tagIds().size(); i++) {
          ps.setLong(1, version);
          ps.setLong(2, cover.tagIds().get(i));
          ps.setInt(3, i + 1);
          ps.setInt(4, cover.marginalGains().get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return version;
    });
  }

  public Optional<CoverSetVersion> latest(TagKind kind) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version, window_days, tau, coverage, covered_items, total_items, tag_count, computed_at"
              + " FROM cover_set_versions WHERE kind = ? ORDER BY version DESC LIMIT 1")) {
        ps.setString(1, kind.wireName());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new CoverSetVersion(rs.getLong(1), kind, rs.getInt(2), rs.getDouble(3),
              rs.getDouble(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant()));
        }
      }
    });
  }

  /**
   * The tags of the latest version of {@code kind}, in selection order, less those quarantined
   * now: a version computed before the quarantine, or before its threshold was raised, may hold
   * some, and these members go into the logic prompts.
   */
  public List<Long> latestMembers(TagKind kind) {
    return tx.read(c -> {
      List<Long> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT m.tag_id FROM cover_set_members m JOIN tags t ON t.tag_id = m.tag_id WHERE m.version ="
              + " (SELECT max(version) FROM cover_set_versions WHERE kind = ?) AND " + quarantine.released("t")
              + " ORDER BY m.rank")) {
        ps.setString(1, kind.wireName());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getLong(1));
          }
        }
      }
      return out;
    });
  }

  private static Set<Long> longs(Array array) throws SQLException {
    Set<Long> out = new HashSet<>();
    if (array != null) {
      for (Object o : (Object[]) array.getArray()) {
        out.add(((Number) o).longValue());
      }
    }
    return out;
  }
}
