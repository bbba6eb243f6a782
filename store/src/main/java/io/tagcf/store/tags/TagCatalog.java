package io.tagcf.store.tags;

import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read side of the vocabulary for the tag API: search with usage counts, and single tags. Usage
 * counts are the column the V9 triggers keep; the search pages by position (keyset), so a page
 * costs the same however deep it is.
 */
public final class TagCatalog {

  private static final String SELECT =
      "SELECT t.tag_id, t.kind, t.slug, t.label_en, t.label_zh, t.category, t.status, t.last_seen_at,"
          + " t.video_count AS videos, t.approved_at IS NOT NULL AS approved, t.creator_count,"
          + " EXISTS (SELECT 1 FROM cover_set_members m WHERE m.tag_id = t.tag_id AND m.version ="
          + "   (SELECT max(version) FROM cover_set_versions v WHERE v.kind = t.kind)) AS in_cover"
          + " FROM tags t";

  private final Transactions tx;
  private final CandidateQuarantine quarantine;

  public TagCatalog(DataSource dataSource) {
    this(dataSource, CandidateQuarantine.DEFAULT);
  }

  public TagCatalog(DataSource dataSource, CandidateQuarantine quarantine) {
    this.tx = new Transactions(dataSource);
    this.quarantine = quarantine;
  }

  /**
   * Tags matching the filters, most used first, then by id.
   *
   * @param kind null for both kinds
   * @param query null or a case-insensitive substring of either label or the slug
   * @param coverSet null for any, else only tags in (true) or out of (false) the latest cover set
   * @param after null for the first page, else the position of the previous page's last tag
   * @param withQuarantined whether quarantined candidates are listed too (for admins)
   */
  public TagPage search(
      TagKind kind, String query, Boolean coverSet, TagPosition after, int size, boolean withQuarantined) {
    String sql = "SELECT * FROM (" + SELECT
        + " WHERE (?::text IS NULL OR t.kind = ?)"
        + (withQuarantined ? "" : " AND " + quarantine.released("t"))
        + " AND (?::text IS NULL OR t.label_en ILIKE ? OR t.label_zh ILIKE ? OR t.slug ILIKE ?)"
        + " AND (?::bigint IS NULL OR t.video_count < ? OR (t.video_count = ? AND t.tag_id > ?))) s"
        + " WHERE (?::boolean IS NULL OR s.in_cover = ?) ORDER BY s.videos DESC, s.tag_id LIMIT ?";
    return tx.read(c -> {
      List<TagSummary> items = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        String k = kind == null ? null : kind.wireName();
        String like = query == null ? null
            : "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Long count = after == null ? null : after.videoCount();
        Long id = after == null ? null : after.tagId();
        Object[] values = {k, k, like, like, like, like, count, count, count, id, coverSet, coverSet, size + 1};
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(map(rs));
          }
        }
      }
      // One row more than a page says whether another page follows.
      if (items.size() <= size) {
        return new TagPage(items, Optional.empty());
      }
      List<TagSummary> page = List.copyOf(items.subList(0, size));
      return new TagPage(page, Optional.of(TagPosition.of(page.get(size - 1))));
    });
  }

  public Optional<TagSummary> find(long tagId) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE t.tag_id = ?")) {
        ps.setLong(1, tagId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  /** The tags with these ids, in one query; ids without a tag are absent from the map. */
  public Map<Long, TagSummary> findAll(Collection<Long> tagIds) {
    if (tagIds.isEmpty()) {
      return Map.of();
    }
    return tx.read(c -> {
      Map<Long, TagSummary> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE t.tag_id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", tagIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            TagSummary tag = map(rs);
            out.put(tag.tagId(), tag);
          }
        }
      }
      return out;
    });
  }

  private TagSummary map(ResultSet rs) throws SQLException {
    Timestamp seen = rs.getTimestamp("last_seen_at");
    boolean candidate = "candidate".equals(rs.getString("status"));
    return new TagSummary(rs.getLong("tag_id"), TagKind.fromWireName(rs.getString("kind")), rs.getString("slug"),
        rs.getString("label_en"), rs.getString("label_zh"), rs.getString("category"), candidate,
        quarantine.quarantined(candidate, rs.getBoolean("approved"), rs.getLong("creator_count")),
        rs.getLong("videos"), rs.getBoolean("in_cover"), seen == null ? null : seen.toInstant());
  }
}
