package io.tagcf.store.roles;

import io.tagcf.models.roles.RoleScore;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The identified roles of every user; each run replaces the previous one whole. */
public final class UserRoleRepository {

  private final Transactions tx;

  public UserRoleRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  public int replaceAll(Map<String, List<RoleScore>> roles) {
    return tx.inTransaction(c -> {
      try (var st = c.createStatement()) {
        st.execute("DELETE FROM user_roles");
      }
      return RankedTagRows.insert(c, "user_roles", roles);
    });
  }

  public List<UserRole> rolesOf(String userId) {
    return tx.read(c -> {
      List<UserRole> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT r.tag_id, t.slug, t.label_en, t.label_zh, r.probability, r.rank, r.computed_at"
              + " FROM user_roles r JOIN tags t ON t.tag_id = r.tag_id WHERE r.user_id = ? ORDER BY r.rank")) {
        ps.setString(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new UserRole(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDouble(5), rs.getInt(6), rs.getTimestamp(7).toInstant()));
          }
        }
      }
      return out;
    });
  }

  /** Every user's role distribution (top roles only), for fitting the statistical logic graph. */
  public Map<String, Map<Long, Double>> allRoleDistributions() {
    return tx.read(c -> {
      Map<String, Map<Long, Double>> out = new java.util.HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT user_id, tag_id, probability FROM user_roles")) {
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getLong(2), rs.getDouble(3));
          }
        }
      }
      return out;
    });
  }
}
