package io.tagcf.store.logic;

import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** The tag-logic graph (U2I and I2U edges), one generation per source. */
public final class LogicEdgeRepository {

  private final Transactions tx;

  public LogicEdgeRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Replaces all edges of {@code source} with {@code edges}, atomically. */
  public int replace(LogicSource source, Collection<LogicEdge> edges) {
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM logic_edges WHERE source = ?")) {
        ps.setString(1, source.wireName());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO logic_edges (direction, source, source_tag_id, target_tag_id, weight, support, lift)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (LogicEdge e : edges) {
          ps.setString(1, e.direction().name().toLowerCase(Locale.ROOT));
          ps.setString(2, source.wireName());
          ps.setLong(3, e.sourceTagId());
          ps.setLong(4, e.targetTagId());
          ps.setDouble(5, e.weight());
          // Support and lift are statistics of observed engagement; LLM edges have none.
          setNullable(ps, 6, source == LogicSource.STATS ? e.support() : Double.NaN);
          setNullable(ps, 7, source == LogicSource.STATS ? e.lift() : Double.NaN);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return edges.size();
    });
  }

  /** Edges leaving {@code tagId} (both directions, both sources), strongest first. */
  public List<StoredLogicEdge> outgoing(long tagId, int limit) {
    return tx.read(c -> {
      List<StoredLogicEdge> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT e.direction, e.source, e.source_tag_id, e.target_tag_id, e.weight, e.support, e.lift,"
              + " t.slug, t.label_en, t.label_zh FROM logic_edges e JOIN tags t ON t.tag_id = e.target_tag_id"
              + " WHERE e.source_tag_id = ? ORDER BY e.weight DESC, e.target_tag_id LIMIT ?")) {
        ps.setLong(1, tagId);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(map(rs));
          }
        }
      }
      return out;
    });
  }

  /**
   * The edges of {@code direction} leaving any of {@code sources}, for logic expansion. The two
   * sources are combined: a pair's weights are averaged over the sources that have it.
   */
  public List<LogicEdge> from(LogicDirection direction, Collection<Long> sources) {
    if (sources.isEmpty()) {
      return List.of();
    }
    return tx.read(c -> {
      List<LogicEdge> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT direction, source_tag_id, target_tag_id, avg(weight), coalesce(max(support), 0),"
              + " coalesce(max(lift), 0) FROM logic_edges WHERE direction = ? AND source_tag_id = ANY (?)"
              + " GROUP BY direction, source_tag_id, target_tag_id")) {
        ps.setString(1, direction.name().toLowerCase(Locale.ROOT));
        ps.setArray(2, c.createArrayOf("bigint", sources.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new LogicEdge(rs.getLong(2), rs.getLong(3), LogicDirection.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
          }
        }
      }
      return out;
    });
  }

  private static StoredLogicEdge map(ResultSet rs) throws SQLException {
    LogicEdge e = new LogicEdge(rs.getLong(3), rs.getLong(4),
        LogicDirection.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7));
    return new StoredLogicEdge(e, LogicSource.fromWireName(rs.getString(2)), rs.getString(8), rs.getString(9), rs.getString(10));
  }

  private static void setNullable(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isNaN(v)) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }
}
