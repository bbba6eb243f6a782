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

/** Read side of the vocabulary for the tag API: search with usage counts, and single tags. */
public final class TagCatalog {

  private static final String SELECT =
      "SELECT t.tag_id, t.kind, t.slug, t.label_en, t.label_zh, t.category, t.status, t.last_seen_at,"
          + " (SELECT count(*) FROM video_tags vt WHERE vt.tag_id = t.tag_id) AS videos,"
          + " EXISTS (SELECT 1 FROM cover_set_members m WHERE m.tag_id = t.tag_id AND m.version ="
          + "   (SELECT max(version) FROM cover_set_versions v WHERE v.kind = t.kind)) AS in_cover"
          + " FROM tags t";

  private final Transactions tx;

  public TagCatalog(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Tags matching the filters, most used first.
   *
   * @param kind null for both kinds
   * @param query null or a case-insensitive substring of either label or the slug
   * @param coverSet null for any, else only tags in (true) or out of (false) the latest cover set
   */
  public TagPage search(TagKind kind, String query, Boolean coverSet, int page, int size) {
    String where = " WHERE (?::text IS NULL OR t.kind = ?)"
        + " AND (?::text IS NULL OR t.label_en ILIKE ? OR t.label_zh ILIKE ? OR t.slug ILIKE ?)";
    String outer = "SELECT * FROM (" + SELECT + where + ") s WHERE (?::boolean IS NULL OR s.in_cover = ?)";
    return tx.read(c -> {
      long total;
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (" + outer + ") x")) {
        bind(ps, kind, query, coverSet);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<TagSummary> items = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          outer + " ORDER BY s.videos DESC, s.tag_id LIMIT ? OFFSET ?")) {
        int i = bind(ps, kind, query, coverSet);
        ps.setInt(i++, size);
        ps.setLong(i, (long) (page - 1) * size);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(map(rs));
          }
        }
      }
      return new TagPage(items, total, page, size);
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

  private static int bind(PreparedStatement ps, TagKind kind, String query, Boolean coverSet) throws SQLException {
    String k = kind == null ? null : kind.wireName();
    String like = query == null ? null : "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    ps.setString(1, k);
    ps.setString(2, k);
    ps.setString(3, like);
    ps.setString(4, like);
    ps.setString(5, like);
    ps.setString(6, like);
    ps.setObject(7, coverSet, java.sql.Types.BOOLEAN);
    ps.setObject(8, coverSet, java.sql.Types.BOOLEAN);
    return 9;
  }

  private static TagSummary map(ResultSet rs) throws SQLException {
    Timestamp seen = rs.getTimestamp("last_seen_at");
    return new TagSummary(rs.getLong("tag_id"), TagKind.fromWireName(rs.getString("kind")), rs.getString("slug"),
        rs.getString("label_en"), rs.getString("label_zh"), rs.getString("category"),
        "candidate".equals(rs.getString("status")), rs.getLong("videos"), rs.getBoolean("in_cover"),
        seen == null ? null : seen.toInstant());
  }
}
