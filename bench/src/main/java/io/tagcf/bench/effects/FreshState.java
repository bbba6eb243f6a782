package io.tagcf.bench.effects;

import io.tagcf.activities.embedding.OnnxEmbedder;
import io.tagcf.activities.embedding.OnnxModelSpec;
import io.tagcf.activities.vocabulary.VocabularyBootstrap;
import io.tagcf.bench.effects.ScaleCatalog.VocabularyTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.store.tags.TagCatalog;
import io.tagcf.store.tags.TagRepository;
import io.tagcf.store.tags.TagSummary;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * The benchmark database's state between sizes: everything a size writes is removed, the exposure
 * log's month partitions included, so every size loads into an empty log as a first load does. The
 * tag vocabulary stays: it is the platform's, not the run's, and embedding it anew would cost every
 * size the ONNX model's time.
 */
final class FreshState {
  private FreshState() {}

  static void reset(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      List<String> partitions = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(
          "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'exposures'::regclass")) {
        while (rs.next()) {
          partitions.add(rs.getString(1));
        }
      }
      for (String p : partitions) {
        st.execute("DROP TABLE " + p);
      }
      st.execute("TRUNCATE videos, ingest_state, video_tags, video_embeddings, cover_set_versions,"
          + " cover_set_members, user_roles, logic_edges, users, exposures, effect_snapshots RESTART IDENTITY CASCADE");
      c.commit();
    }
  }

  /**
   * The vocabulary's item tags that have a category, by id; on a database that has none yet, the
   * seed vocabulary is embedded and stored first, as a worker's start would do it.
   */
  static List<VocabularyTag> vocabulary(DataSource ds, String embeddingModel) {
    List<VocabularyTag> tags = itemTags(ds);
    if (tags.isEmpty()) {
      try (OnnxEmbedder onnx = OnnxEmbedder.load(OnnxModelSpec.byName(embeddingModel))) {
        new VocabularyBootstrap(new TagRepository(ds), onnx).ensureLoaded(TagVocabulary.seed());
      }
      tags = itemTags(ds);
    }
    return tags;
  }

  private static List<VocabularyTag> itemTags(DataSource ds) {
    return new TagCatalog(ds).search(TagKind.ITEM, null, null, null, 100_000, true).items().stream()
        .filter(t -> !t.candidate() && t.category() != null)
        .sorted(Comparator.comparingLong(TagSummary::tagId))
        .map(t -> new VocabularyTag(t.tagId(), t.category()))
        .toList();
  }

  /**
   * VACUUM ANALYZE of the freshly loaded log. Without it autovacuum visits the new partitions on
   * its own schedule, a minute or so after the load, and a pass over a gigabyte of new rows lands
   * in the middle of the snapshot being timed.
   */
  static void settle(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(true);
      st.execute("VACUUM (ANALYZE) users, exposures");
    }
  }
}
