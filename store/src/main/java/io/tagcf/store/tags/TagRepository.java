package io.tagcf.store.tags;

import com.pgvector.PGvector;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.store.Transactions;
import io.tagcf.store.copy.CopyIn;
import io.tagcf.store.copy.PgBinaryCopy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The tag vocabulary, candidate tags and their embeddings. */
public final class TagRepository {

  private final Transactions tx;
  private final CandidateQuarantine quarantine;

  public TagRepository(DataSource dataSource) {
    this(dataSource, CandidateQuarantine.DEFAULT);
  }

  public TagRepository(DataSource dataSource, CandidateQuarantine quarantine) {
    this.tx = new Transactions(dataSource);
    this.quarantine = quarantine;
  }

  public boolean isVocabularyLoaded(String version, String model) {
    return tx.read(c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT 1 FROM vocabulary_versions WHERE version = ? AND embedding_model = ?")) {
        ps.setString(1, version);
        ps.setString(2, model);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /**
   * Loads a vocabulary version with its embeddings for {@code model}, in one transaction: tags are
   * upserted by (kind, slug), keeping their ids, and their embeddings are bulk-loaded with binary
   * COPY.
   */
  public void loadVocabulary(String version, String model, int dim, List<EmbeddedTag> entries) {
    tx.inTransaction(c -> {
      Map<String, Long> ids = upsertTags(c, version, entries);
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM tag_embeddings WHERE tag_id = ANY (?) AND model = ?")) {
        ps.setArray(1, c.createArrayOf("bigint", ids.values().toArray()));
        ps.setString(2, model);
        ps.executeUpdate();
      }
      PgBinaryCopy rows = new PgBinaryCopy(7);
      for (EmbeddedTag e : entries) {
        long id = ids.get(key(e.entry().kind(), e.entry().id()));
        String kind = e.entry().kind().wireName();
        rows.startRow().int8(id).text(kind).text("profile").text(e.entry().profileText())
            .text(model).int4(dim).vector(e.profile());
        rows.startRow().int8(id).text(kind).text("label_en").text(e.entry().en())
            .text(model).int4(dim).vector(e.labelEn());
        rows.startRow().int8(id).text(kind).text("label_zh").text(e.entry().zh())
            .text(model).int4(dim).vector(e.labelZh());
      }
      CopyIn.binary(
          c,
          "COPY tag_embeddings (tag_id, kind, text_kind, text, model, dim, embedding)"
              + " FROM STDIN (FORMAT BINARY)",
          rows);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO vocabulary_versions (version, embedding_model, tag_count)"
                  + " VALUES (?, ?, ?) ON CONFLICT (version) DO UPDATE"
                  + " SET embedding_model = excluded.embedding_model,"
                  + " tag_count = excluded.tag_count, loaded_at = now()")) {
        ps.setString(1, version);
        ps.setString(2, model);
        ps.setInt(3, entries.size());
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static Map<String, Long> upsertTags(
      Connection c, String version, List<EmbeddedTag> entries) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tags (kind, slug, label_en, label_zh, category, keywords_en, keywords_zh,"
                + " status, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'vocabulary', ?)"
                + " ON CONFLICT (kind, slug) DO UPDATE SET label_en = excluded.label_en,"
                + " label_zh = excluded.label_zh, category = excluded.category,"
                + " keywords_en = excluded.keywords_en, keywords_zh = excluded.keywords_zh,"
                + " status = 'vocabulary', origin = excluded.origin"
                + " RETURNING tag_id")) {
      for (EmbeddedTag e : entries) {
        VocabularyEntry v = e.entry();
        ps.setString(1, v.kind().wireName());
        ps.setString(2, v.id());
        ps.setString(3, v.en());
        ps.setString(4, v.zh());
        ps.setString(5, v.category());
        ps.setArray(6, c.createArrayOf("text", v.keywordsEn().toArray()));
        ps.setArray(7, c.createArrayOf("text", v.keywordsZh().toArray()));
        ps.setString(8, version);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.put(key(v.kind(), v.id()), rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Every vocabulary (non-candidate) tag with its embeddings for {@code model}. */
  public List<EmbeddedTag> vocabularyVectors(String model) {
    return tx.read(c -> {
      List<EmbeddedTag> out = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT t.tag_id, t.kind, t.slug, t.category, t.label_en, t.label_zh,"
                  + " t.keywords_en, t.keywords_zh,"
                  + " max(e.embedding::text) FILTER (WHERE e.text_kind = 'profile') AS profile,"
                  + " max(e.embedding::text) FILTER (WHERE e.text_kind = 'label_en') AS label_en_v,"
                  + " max(e.embedding::text) FILTER (WHERE e.text_kind = 'label_zh') AS label_zh_v"
                  + " FROM tags t JOIN tag_embeddings e ON e.tag_id = t.tag_id AND e.model = ?"
                  + " WHERE t.status = 'vocabulary'"
                  + " GROUP BY t.tag_id ORDER BY t.tag_id")) {
        ps.setString(1, model);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            VocabularyEntry entry =
                new VocabularyEntry(
                    rs.getString("slug"),
                    TagKind.fromWireName(rs.getString("kind")),
                    rs.getString("category"),
                    rs.getString("label_en"),
                    rs.getString("label_zh"),
                    strings(rs.getArray("keywords_en")),
                    strings(rs.getArray("keywords_zh")));
            out.add(
                new EmbeddedTag(
                    rs.getLong("tag_id"), entry, vector(rs.getString("profile")),
                    vector(rs.getString("label_en_v")), vector(rs.getString("label_zh_v"))));
          }
        }
      }
      return out;
    });
  }

  /**
   * For each label, the tag of {@code kind} whose English label (ignoring case), Chinese label or
   * slug equals it; vocabulary tags win over candidates. Labels that match nothing are absent.
   *
   * <p>A quarantined candidate matches only a label with its own slug: the same word, which
   * {@link #addCandidate} would map onto the same row anyway (the slug is a tag's identity), and
   * which is how a candidate collects the creators that release it. It is never the target of a
   * different label, so one creator's candidate absorbs no other creator's tags.
   */
  public Map<String, TagMatch> exactLabels(TagKind kind, Collection<String> labels) {
    if (labels.isEmpty()) {
      return Map.of();
    }
    return tx.read(c -> {
      Map<String, TagMatch> out = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT q.label, t.tag_id, t.slug FROM unnest(?::text[], ?::text[]) AS q(label, slug)"
                  + " CROSS JOIN LATERAL (SELECT tag_id, slug FROM tags WHERE kind = ?"
                  + " AND (slug = q.slug OR ((lower(label_en) = lower(q.label) OR label_zh = q.label)"
                  + " AND " + quarantine.released("tags") + "))"
                  + " ORDER BY status DESC, tag_id LIMIT 1) t")) {
        List<String> ls = List.copyOf(labels);
        ps.setArray(1, c.createArrayOf("text", ls.toArray()));
        ps.setArray(2, c.createArrayOf("text", ls.stream().map(CandidateSlug::of).toArray()));
        ps.setString(3, kind.wireName());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), new TagMatch(rs.getLong(2), rs.getString(3), 1.0));
          }
        }
      }
      return out;
    });
  }

  /**
   * The tag of {@code kind} whose label embedding is nearest to {@code vector} (cosine), through
   * the HNSW index of the model's dimension. Released candidate tags count too, so that a tag
   * proposed again merges; quarantined ones do not ({@link CandidateQuarantine}): a label chosen
   * near a common one must not absorb other creators' tags. The filter applies to the index's
   * nearest rows (pgvector's ef_search, 40 by default), so a crowd of quarantined labels right at
   * a vector can hide the released tag behind them: the label then becomes a candidate of its own
   * instead of merging, a merge lost and never a wrong one.
   */
  public Optional<TagMatch> nearestLabel(TagKind kind, String model, float[] vector) {
    int dim = vector.length;
    String cast = "::vector(" + dim + ")";
    return tx.read(c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT e.tag_id, t.slug, 1 - (e.embedding" + cast + " <=> ?" + cast + ") AS sim"
                  + " FROM tag_embeddings e JOIN tags t ON t.tag_id = e.tag_id"
                  + " WHERE e.dim = " + dim + " AND e.model = ? AND e.kind = ?"
                  + " AND e.text_kind IN ('label_en', 'label_zh') AND " + quarantine.released("t")
                  + " ORDER BY e.embedding" + cast + " <=> ?" + cast + " LIMIT 1")) {
        PGvector q = new PGvector(vector);
        ps.setObject(1, q);
        ps.setString(2, model);
        ps.setString(3, kind.wireName());
        ps.setObject(4, q);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new TagMatch(rs.getLong(1), rs.getString(2), rs.getDouble(3)))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * The {@code k} tags among {@code candidates} whose label embeddings (either language) are
   * nearest to {@code vector}, each with its best similarity; used to project free text onto
   * the cover set.
   */
  public List<TagMatch> nearestAmong(String model, float[] vector, Collection<Long> candidates, int k) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    int dim = vector.length;
    String cast = "::vector(" + dim + ")";
    return tx.read(c -> {
      List<TagMatch> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT e.tag_id, t.slug, max(1 - (e.embedding" + cast + " <=> ?" + cast + ")) AS sim"
              + " FROM tag_embeddings e JOIN tags t ON t.tag_id = e.tag_id"
              + " WHERE e.dim = " + dim + " AND e.model = ? AND e.tag_id = ANY (?)"
              + " AND e.text_kind IN ('label_en', 'label_zh')"
              + " GROUP BY e.tag_id, t.slug ORDER BY sim DESC, e.tag_id LIMIT ?")) {
        ps.setObject(1, new PGvector(vector));
        ps.setString(2, model);
        ps.setArray(3, c.createArrayOf("bigint", candidates.toArray()));
        ps.setInt(4, k);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TagMatch(rs.getLong(1), rs.getString(2), rs.getDouble(3)));
          }
        }
      }
      return out;
    });
  }

  /** English label (else Chinese, else slug) of each tag, for prompts. */
  public Map<Long, String> labels(Collection<Long> tagIds) {
    return tx.read(c -> {
      Map<Long, String> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT tag_id, coalesce(label_en, label_zh, slug) FROM tags WHERE tag_id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", tagIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), rs.getString(2));
          }
        }
      }
      return out;
    });
  }

  /**
   * Adds a candidate tag for a label that matched nothing in the vocabulary, or returns the one a
   * concurrent run created first. Idempotent, so an activity retry adds nothing twice.
   */
  public TagMatch addCandidate(
      TagKind kind, String label, String language, String model, float[] vector) {
    String slug = CandidateSlug.of(label);
    return tx.inTransaction(c -> {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO tags (kind, slug, label_en, label_zh, status, origin)"
                  + " VALUES (?, ?, ?, ?, 'candidate', 'tagger')"
                  + " ON CONFLICT (kind, slug) DO UPDATE SET last_seen_at = tags.last_seen_at"
                  + " RETURNING tag_id")) {
        boolean zh = "zh".equals(language);
        ps.setString(1, kind.wireName());
        ps.setString(2, slug);
        ps.setString(3, zh ? null : label);
        ps.setString(4, zh ? label : null);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO tag_embeddings (tag_id, kind, text_kind, text, model, dim, embedding)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setLong(1, id);
        ps.setString(2, kind.wireName());
        ps.setString(3, "zh".equals(language) ? "label_zh" : "label_en");
        ps.setString(4, label);
        ps.setString(5, model);
        ps.setInt(6, vector.length);
        ps.setObject(7, new PGvector(vector));
        ps.executeUpdate();
      }
      return new TagMatch(id, slug, 1.0);
    });
  }

  private static String key(TagKind kind, String slug) {
    return kind.wireName() + "/" + slug;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static float[] vector(String text) throws SQLException {
    return text == null ? null : new PGvector(text).toArray();
  }
}
