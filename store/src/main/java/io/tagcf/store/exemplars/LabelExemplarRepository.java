package io.tagcf.store.exemplars;

import com.pgvector.PGvector;
import io.tagcf.models.tagging.neighbours.LabelledExemplar;
import io.tagcf.models.tagging.neighbours.Neighbour;
import io.tagcf.store.Transactions;
import io.tagcf.store.copy.CopyIn;
import io.tagcf.store.copy.PgBinaryCopy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Labelled exemplars in pgvector: loaded a source at a time by binary COPY, searched through the
 * HNSW index of the model's dimension.
 */
public final class LabelExemplarRepository {

  /** An exemplar written again under its key takes the new source, labels and vector. */
  private static final String REPLACE_ON_CONFLICT = " ON CONFLICT (model, exemplar_key) DO UPDATE SET"
      + " source = excluded.source, categories = excluded.categories, tag_slugs = excluded.tag_slugs,"
      + " dim = excluded.dim, embedding = excluded.embedding";

  private final Transactions tx;

  public LabelExemplarRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Whether {@code version} of {@code source} is loaded for {@code model}. */
  public boolean isLoaded(String source, String model, String version) {
    return tx.read(c -> {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM label_exemplar_sources WHERE source = ? AND model = ? AND version = ?")) {
        ps.setString(1, source);
        ps.setString(2, model);
        ps.setString(3, version);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Replaces the source's exemplars for {@code model} with {@code exemplars}, in one transaction. */
  public void load(String source, String model, String version, int dim, List<LabelledExemplar> exemplars) {
    tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM label_exemplars WHERE source = ? AND model = ?")) {
        ps.setString(1, source);
        ps.setString(2, model);
        ps.executeUpdate();
      }
      try (var st = c.createStatement()) {
        st.execute("CREATE TEMP TABLE exemplar_stage (exemplar_key text, categories text, tag_slugs text, embedding vector)"
            + " ON COMMIT DROP");
      }
      PgBinaryCopy rows = new PgBinaryCopy(4);
      for (LabelledExemplar e : exemplars) {
        if (e.vector().length != dim) {
          throw new IllegalArgumentException("exemplar " + e.key() + " has " + e.vector().length + " dimensions, not " + dim);
        }
        // Slugs and category names hold no commas; binary COPY has no text[] writer here.
        rows.startRow().text(e.key()).text(String.join(",", e.categories())).text(String.join(",", e.tagIds()))
            .vector(e.vector());
      }
      CopyIn.binary(c, "COPY exemplar_stage (exemplar_key, categories, tag_slugs, embedding) FROM STDIN (FORMAT BINARY)", rows);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO label_exemplars (model, exemplar_key, source, categories, tag_slugs, dim, embedding)"
              + " SELECT ?, exemplar_key, ?, array_remove(string_to_array(categories, ','), ''),"
              + " array_remove(string_to_array(tag_slugs, ','), ''), ?, embedding FROM exemplar_stage"
              + REPLACE_ON_CONFLICT)) {
        ps.setString(1, model);
        ps.setString(2, source);
        ps.setInt(3, dim);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO label_exemplar_sources (source, model, version, rows) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (source, model) DO UPDATE SET version = excluded.version, rows = excluded.rows,"
              + " loaded_at = now()")) {
        ps.setString(1, source);
        ps.setString(2, model);
        ps.setString(3, version);
        ps.setInt(4, exemplars.size());
        ps.executeUpdate();
      }
      // Statistics now: without them the planner takes the fresh table for a few rows, sorts
      // every exemplar by distance (40 ms) instead of walking the HNSW index (3 ms).
      try (var st = c.createStatement()) {
        st.execute("ANALYZE label_exemplars");
      }
      return null;
    });
  }

  /** Source of the exemplars that videos' own LLM tags make. */
  public static final String LLM_TAGS = "llm-tags";

  /**
   * Makes a just-tagged video an exemplar when its tags are trusted (the LLM's, {@code trusted}),
   * with its vocabulary item tags and their categories as labels and its stored embedding; drops
   * it otherwise (the offline tagger's own tags must not teach the offline tagger). Called in the
   * transaction that stores the tags, after them.
   */
  public static void replaceVideo(Connection c, String videoId, boolean trusted, String model, int dim, float[] vector)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM label_exemplars WHERE exemplar_key = ? AND source = ?")) {
      ps.setString(1, videoId);
      ps.setString(2, LLM_TAGS);
      ps.executeUpdate();
    }
    if (!trusted) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO label_exemplars (model, exemplar_key, source, categories, tag_slugs, dim, embedding)"
            + " SELECT ?, ?, ?, coalesce(array_agg(DISTINCT t.category) FILTER (WHERE t.category IS NOT NULL), '{}'),"
            + " array_agg(DISTINCT t.slug), ?, ? FROM video_tags vt JOIN tags t ON t.tag_id = vt.tag_id"
            + " WHERE vt.video_id = ? AND vt.kind = 'item' AND t.status = 'vocabulary'"
            + " HAVING count(*) > 0" + REPLACE_ON_CONFLICT)) {
      ps.setString(1, model);
      ps.setString(2, videoId);
      ps.setString(3, LLM_TAGS);
      ps.setInt(4, dim);
      ps.setObject(5, new PGvector(vector));
      ps.setString(6, videoId);
      ps.executeUpdate();
    }
  }

  /** How many exemplars there are for {@code model}, of every source. */
  public int count(String model) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM label_exemplars WHERE model = ?")) {
        ps.setString(1, model);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  /**
   * The {@code k} exemplars of {@code model} nearest to {@code vector} by cosine similarity, most
   * similar first, leaving out {@code excludeKey} (may be null).
   */
  public List<Neighbour> nearest(String model, float[] vector, int k, String excludeKey) {
    String cast = "::vector(" + vector.length + ")";
    return tx.read(c -> {
      try (var st = c.createStatement()) {
        st.execute("SET LOCAL hnsw.ef_search = " + Math.max(40, Math.min(1000, 2 * k)));
      }
      List<Neighbour> out = new ArrayList<>(k);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT exemplar_key, 1 - (embedding" + cast + " <=> ?" + cast + "), categories, tag_slugs"
              + " FROM label_exemplars WHERE dim = " + vector.length + " AND model = ?"
              + " AND exemplar_key IS DISTINCT FROM ?"
              + " ORDER BY embedding" + cast + " <=> ?" + cast + " LIMIT ?")) {
        PGvector q = new PGvector(vector);
        ps.setObject(1, q);
        ps.setString(2, model);
        ps.setString(3, excludeKey);
        ps.setObject(4, q);
        ps.setInt(5, k);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Neighbour(rs.getString(1), rs.getDouble(2), strings(rs.getArray(3)), strings(rs.getArray(4))));
          }
        }
      }
      return out;
    });
  }

  private static Set<String> strings(Array array) throws SQLException {
    return array == null ? Set.of() : Set.of((String[]) array.getArray());
  }
}
