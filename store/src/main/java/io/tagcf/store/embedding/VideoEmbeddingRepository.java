package io.tagcf.store.embedding;

import com.pgvector.PGvector;
import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Video embeddings and nearest-neighbour search over them. */
public final class VideoEmbeddingRepository {

  private final Transactions tx;

  public VideoEmbeddingRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  public static void upsert(Connection c, String videoId, String contentHash, VideoEmbedding e)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO video_embeddings (video_id, model, dim, content_hash, embedding)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (video_id, model) DO UPDATE"
                + " SET dim = excluded.dim, content_hash = excluded.content_hash,"
                + " embedding = excluded.embedding, created_at = now()")) {
      ps.setString(1, videoId);
      ps.setString(2, e.model());
      ps.setInt(3, e.dimension());
      ps.setString(4, contentHash);
      ps.setObject(5, new PGvector(e.vector()));
      ps.executeUpdate();
    }
  }

  public Optional<VideoEmbedding> find(String videoId, String model) {
    return tx.read(c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT dim, embedding::text FROM video_embeddings WHERE video_id = ? AND model = ?")) {
        ps.setString(1, videoId);
        ps.setString(2, model);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(
                  new VideoEmbedding(model, rs.getInt(1), new PGvector(rs.getString(2)).toArray()))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * The {@code k} videos nearest to {@code videoId} by cosine similarity, through the HNSW index
   * of the model's dimension; empty when the video has no embedding for {@code model} yet.
   */
  public List<SimilarVideo> similar(String videoId, String model, int k) {
    return similar(videoId, model, k, false, null);
  }

  /**
   * As {@link #similar(String, String, int)}, among published videos (a publication time not in
   * the future) and those of {@code creatorId} (may be null): what a creator may be shown.
   */
  public List<SimilarVideo> similarPublishedOrOf(String videoId, String model, int k, String creatorId) {
    return similar(videoId, model, k, true, creatorId);
  }

  private List<SimilarVideo> similar(String videoId, String model, int k, boolean restricted, String creatorId) {
    Optional<VideoEmbedding> self = find(videoId, model);
    if (self.isEmpty()) {
      return List.of();
    }
    int dim = self.get().dimension();
    String cast = "::vector(" + dim + ")";
    return tx.read(c -> {
      // The index scan hands over its ef_search best candidates (40 by default) before any filter:
      // a larger k, or neighbours filtered out, would leave fewer than k rows. pgvector 0.8's
      // iterative scan goes on through the graph, in exact order, until k rows pass.
      try (var st = c.createStatement()) {
        st.execute("SET LOCAL hnsw.ef_search = " + Math.max(40, Math.min(1000, k)));
        st.execute("SET LOCAL hnsw.iterative_scan = strict_order");
      }
      List<SimilarVideo> out = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT e.video_id, v.title, 1 - (e.embedding" + cast + " <=> ?" + cast + ")"
                  + " FROM video_embeddings e JOIN videos v ON v.video_id = e.video_id"
                  + " WHERE e.dim = " + dim + " AND e.model = ? AND e.video_id <> ?"
                  + (restricted ? " AND ((v.published_at IS NOT NULL AND v.published_at <= now()) OR v.creator_id = ?)" : "")
                  + " ORDER BY e.embedding" + cast + " <=> ?" + cast + " LIMIT ?")) {
        PGvector q = new PGvector(self.get().vector());
        int i = 1;
        ps.setObject(i++, q);
        ps.setString(i++, model);
        ps.setString(i++, videoId);
        if (restricted) {
          ps.setString(i++, creatorId);
        }
        ps.setObject(i++, q);
        ps.setInt(i, k);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new SimilarVideo(rs.getString(1), rs.getString(2), rs.getDouble(3)));
          }
        }
      }
      return out;
    });
  }
}
