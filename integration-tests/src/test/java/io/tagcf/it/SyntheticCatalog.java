package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.bench.effects.ScaleCatalog;
import io.tagcf.bench.effects.ScaleCatalog.VocabularyTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.ops.demo.CoverSetRefresh;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.store.video.VideoCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Catalog videos for the effects tests: real vocabulary tags, combined as a drawn world combines them. */
final class SyntheticCatalog {
  private SyntheticCatalog() {}

  /** {@code videos} videos over the first {@code tags} vocabulary item tags, drawn as the scale benchmark draws its catalog. */
  static List<CatalogVideo> draw(DataSource ds, String idPrefix, int videos, int tags, long seed) throws Exception {
    List<VocabularyTag> vocabulary = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tag_id, category FROM tags WHERE kind = 'item'"
            + " AND status = 'vocabulary' AND category IS NOT NULL ORDER BY tag_id LIMIT " + tags)) {
      while (rs.next()) {
        vocabulary.add(new VocabularyTag(rs.getLong(1), rs.getString(2)));
      }
    }
    assertThat(vocabulary).hasSize(tags);
    return ScaleCatalog.draw(vocabulary, videos, seed, idPrefix);
  }

  /**
   * Stores {@code catalog} and refreshes the cover set over it (a snapshot estimates the cover
   * set's tags); returns the cover set's tags that the catalog carries.
   */
  static Set<Long> store(DevStack stack, List<CatalogVideo> catalog) throws InterruptedException {
    DataSource ds = stack.database().dataSource();
    new VideoCatalog(ds).addSimulated(catalog, "en");
    assertThat(CoverSetRefresh.now(stack.temporal().client(), Duration.ofSeconds(120))).isPresent();
    Set<Long> carried = new HashSet<>();
    catalog.forEach(v -> Arrays.stream(v.itemTagIds()).forEach(carried::add));
    Set<Long> coverSet = new HashSet<>(new CoverSetRepository(ds).latestMembers(TagKind.ITEM));
    coverSet.retainAll(carried);
    return coverSet;
  }
}
