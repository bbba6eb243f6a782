package io.tagcf.store.ranking;

import io.tagcf.models.ranking.ExpandedRole;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.models.roles.RoleScore;
import io.tagcf.store.Transactions;
import io.tagcf.store.roles.RankedTagRows;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ranking stage's data: users' precomputed profiles (interest, roles, expansion) and the tags
 * of candidate videos. Profiles are replaced whole by each roles run.
 */
public final class RankingProfileRepository {

  private final Transactions tx;

  public RankingProfileRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Replaces every user's interest and expansion in one transaction; returns the rows written. */
  public int replaceAll(Map<String, List<RoleScore>> interest, Map<String, List<ExpandedRole>> expansions) {
    return tx.inTransaction(c -> {
      try (var st = c.createStatement()) {
        st.execute("DELETE FROM user_tag_interest");
        st.execute("DELETE FROM user_role_expansions");
      }
      int n = RankedTagRows.insert(c, "user_tag_interest", interest);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_role_expansions"
          + " (user_id, role_tag_id, weight, via_role_tag_id, via_item_tag_id, rank) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Map.Entry<String, List<ExpandedRole>> e : expansions.entrySet()) {
          int rank = 1;
          for (ExpandedRole r : e.getValue()) {
            if (r.weight() > 0) {
              ps.setString(1, e.getKey());
              ps.setLong(2, r.roleId());
              ps.setDouble(3, r.weight());
              ps.setLong(4, r.viaRoleId());
              ps.setLong(5, r.viaItemTagId());
              ps.setInt(6, rank++);
              ps.addBatch();
              n++;
            }
          }
        }
        ps.executeBatch();
      }
      return n;
    });
  }

  /** The user's profile; empty when the roles workflow has computed nothing for them. */
  public Optional<UserTagProfile> profileOf(String userId) {
    return tx.read(c -> {
      Map<Long, Double> interest = new LinkedHashMap<>();
      Map<Long, Double> roles = new LinkedHashMap<>();
      List<ExpandedRole> expanded = new java.util.ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 'i', tag_id, probability, 0, 0, rank FROM user_tag_interest WHERE user_id = ?"
              + " UNION ALL SELECT 'r', tag_id, probability, 0, 0, rank FROM user_roles WHERE user_id = ?"
              + " UNION ALL SELECT 'x', role_tag_id, weight, via_role_tag_id, via_item_tag_id, rank FROM user_role_expansions"
              + " WHERE user_id = ? ORDER BY 1, 6")) {
        ps.setString(1, userId);
        ps.setString(2, userId);
        ps.setString(3, userId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            switch (rs.getString(1)) {
              case "i" -> interest.put(rs.getLong(2), rs.getDouble(3));
              case "r" -> roles.put(rs.getLong(2), rs.getDouble(3));
              default -> expanded.add(new ExpandedRole(rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5)));
            }
          }
        }
      }
      return interest.isEmpty() && roles.isEmpty() ? Optional.empty() : Optional.of(new UserTagProfile(interest, roles, expanded));
    });
  }

  /**
   * The tags of these videos as the ranking scores read them (positive scores, per kind, normalised);
   * a video without tags maps to {@link ItemTags#NONE}, an unknown one is absent.
   */
  public Map<String, ItemTags> itemTags(Collection<String> videoIds) {
    return tx.read(c -> {
      Map<String, ItemTags> out = new HashMap<>();
      // One row per video (its tags aggregated) instead of one per tag: a thousand candidates carry
      // about eight thousand tags, and rows, not bytes, are what a read of them costs.
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT v.video_id, t.tag_ids, t.kinds, t.scores FROM videos v LEFT JOIN LATERAL ("
              + " SELECT array_agg(tag_id) AS tag_ids, array_agg(kind) AS kinds, array_agg(score) AS scores"
              + " FROM video_tags WHERE video_id = v.video_id AND score > 0) t ON true WHERE v.video_id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("text", videoIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<Long, Double> items = new HashMap<>();
            Map<Long, Double> audiences = new HashMap<>();
            Array ids = rs.getArray(2);
            if (ids != null) {
              Long[] tagIds = (Long[]) ids.getArray();
              String[] kinds = (String[]) rs.getArray(3).getArray();
              Double[] scores = (Double[]) rs.getArray(4).getArray();
              for (int k = 0; k < tagIds.length; k++) {
                ("item".equals(kinds[k]) ? items : audiences).put(tagIds[k], scores[k]);
              }
            }
            out.put(rs.getString(1), ItemTags.fromScores(items, audiences));
          }
        }
      }
      return out;
    });
  }
}
