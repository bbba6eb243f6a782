package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.World;
import io.tagcf.models.simulation.WorldBuilder;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/** Catalog videos for the effects tests: real vocabulary tags, combined as a drawn world combines them. */
final class SyntheticCatalog {
  private SyntheticCatalog() {}

  /**
   * Videos whose tag sets come from a drawn world (tags cluster by category and creator size),
   * carrying {@code tags} real vocabulary item tags; each video's scores make one of its tags the
   * top one, whose vocabulary category is the video's category.
   */
  static List<CatalogVideo> draw(DataSource ds, String idPrefix, int videos, int tags, long seed) throws Exception {
    List<Long> tagIds = new ArrayList<>();
    Map<Long, String> categories = new HashMap<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tag_id, category FROM tags WHERE kind = 'item'"
            + " AND status = 'vocabulary' AND category IS NOT NULL ORDER BY tag_id LIMIT " + tags)) {
      while (rs.next()) {
        tagIds.add(rs.getLong(1));
        categories.put(rs.getLong(1), rs.getString(2));
      }
    }
    assertThat(tagIds).hasSize(tags);
    World drawn = WorldBuilder.build(new SimulationConfig(videos, 1, 0, tags, 1, seed));
    SplittableRandom random = new SplittableRandom(seed);
    List<CatalogVideo> out = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      int[] carried = drawn.videoTags(v);
      if (carried.length == 0) {
        carried = new int[] {random.nextInt(tags)};
      }
      long[] ids = new long[carried.length];
      double[] scores = new double[carried.length];
      for (int i = 0; i < carried.length; i++) {
        ids[i] = tagIds.get(carried[i]);
        scores[i] = (0.95 - 0.04 * random.nextDouble()) / (i + 1);
      }
      out.add(new CatalogVideo(idPrefix + v, idPrefix + "creator-" + drawn.videoCreator(v),
          drawn.videoDurationSeconds(v), categories.get(ids[0]), ids, scores));
    }
    return out;
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
