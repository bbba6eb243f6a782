package io.tagcf.store.roles;

import io.tagcf.models.roles.RoleScore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Writes users' ranked tag probabilities into a table of (user_id, tag_id, probability, rank): the
 * roles of {@code user_roles} and the item-tag interest of {@code user_tag_interest} alike.
 */
public final class RankedTagRows {

  private RankedTagRows() {}

  /** Inserts every row in one batch; {@code table} is one of the callers' own constants, never input. */
  public static int insert(Connection c, String table, Map<String, List<RoleScore>> rows) throws SQLException {
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO " + table + " (user_id, tag_id, probability, rank) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, List<RoleScore>> e : rows.entrySet()) {
        for (RoleScore r : e.getValue()) {
          ps.setString(1, e.getKey());
          ps.setLong(2, r.tagId());
          ps.setDouble(3, r.probability());
          ps.setInt(4, r.rank());
          ps.addBatch();
          n++;
        }
      }
      ps.executeBatch();
    }
    return n;
  }
}
