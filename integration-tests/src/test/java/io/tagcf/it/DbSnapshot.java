package io.tagcf.it;

import io.tagcf.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** A fingerprint of every table's content, to show that a request changed nothing. */
final class DbSnapshot {

  private DbSnapshot() {}

  static String of(Database db) {
    String sql =
        "SELECT (SELECT count(*) FROM videos) || '/' || (SELECT coalesce(md5(string_agg(video_id || content_hash || updated_at, ',' ORDER BY video_id)), '') FROM videos)"
            + " || '/' || (SELECT coalesce(md5(string_agg(video_id || stage || content_hash || updated_at, ',' ORDER BY video_id)), '') FROM ingest_state)"
            + " || '/' || (SELECT count(*) FROM video_tags) || '/' || (SELECT coalesce(md5(string_agg(video_id || tag_id || score || created_at, ',' ORDER BY video_id, tag_id)), '') FROM video_tags)"
            + " || '/' || (SELECT count(*) FROM video_embeddings) || '/' || (SELECT coalesce(md5(string_agg(video_id || created_at, ',' ORDER BY video_id)), '') FROM video_embeddings)"
            + " || '/' || (SELECT count(*) FROM tags)"
            + " || '/' || (SELECT count(*) FROM users) || '/' || (SELECT coalesce(md5(string_agg(user_id || coalesce(age_band, '') || coalesce(city_tier, '') || coalesce(gender, '') || attributes::text || updated_at, ',' ORDER BY user_id)), '') FROM users)"
            + " || '/' || (SELECT count(*) FROM exposures) || '/' || (SELECT coalesce(md5(string_agg(event_id || exposed_at, ',' ORDER BY event_id)), '') FROM exposures)";
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
