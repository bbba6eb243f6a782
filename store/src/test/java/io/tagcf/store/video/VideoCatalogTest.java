package io.tagcf.store.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.tags.TagRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoCatalogTest {
  private static final int DIM = 384;
  private static Database db;
  private static VideoCatalog catalog;
  private static long cats;
  private static long dogs;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    TagRepository tags = new TagRepository(db.dataSource());
    tags.loadVocabulary("test-v1", "m", DIM, List.of(
        Fixtures.tag("cats", TagKind.ITEM, "cats", "猫咪", 0, DIM),
        Fixtures.tag("dogs", TagKind.ITEM, "dogs", "狗狗", 10, DIM)));
    Map<String, Long> ids = new TreeMap<>();
    tags.vocabularyVectors("m").forEach(t -> ids.put(t.entry().id(), t.tagId()));
    cats = ids.get("cats");
    dogs = ids.get("dogs");
    catalog = new VideoCatalog(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void addsVideosWithTheirTagsOnceAndReadsThemBack() throws Exception {
    int added = catalog.addSimulated(List.of(
        new CatalogVideo("sim-1", "c1", 30.0, null, new long[] {dogs, cats}, new double[] {0.9, 0.4}),
        // An unknown tag is dropped; the video stays.
        new CatalogVideo("sim-2", "c1", null, null, new long[] {cats, 999_999}, new double[] {0.8, 0.7}),
        // The same id again in one call: the first one is added.
        new CatalogVideo("sim-1", "c2", 99.0, null, new long[] {cats}, new double[] {0.1})), "en");
    assertThat(added).isEqualTo(2);
    // Called again with one old id: the old one is left as it was.
    assertThat(catalog.addSimulated(List.of(
        new CatalogVideo("sim-2", "c9", 5.0, null, new long[] {dogs}, new double[] {0.5}),
        new CatalogVideo("sim-3", "c9", 5.0, null, new long[] {dogs}, new double[] {0.5})), "zh")).isEqualTo(1);

    List<CatalogVideo> read = catalog.read();
    assertThat(read).extracting(CatalogVideo::videoId).containsExactly("sim-1", "sim-2", "sim-3");
    CatalogVideo first = read.get(0);
    assertThat(first.creatorId()).isEqualTo("c1");
    assertThat(first.durationSeconds()).isEqualTo(30.0);
    assertThat(first.itemTagIds()).containsExactly(dogs, cats);
    assertThat(first.itemTagScores()).containsExactly(0.9, 0.4);
    assertThat(first.category()).isEqualTo("test");
    CatalogVideo second = read.get(1);
    assertThat(second.creatorId()).isEqualTo("c1");
    assertThat(second.durationSeconds()).isNull();
    assertThat(second.itemTagIds()).containsExactly(cats);

    assertThat(rows("SELECT v.video_id || ' ' || v.language || ' ' || v.content_hash || ' ' || s.stage || ' '"
        + " || s.workflow_id FROM videos v JOIN ingest_state s USING (video_id) ORDER BY 1"))
        .containsExactly("sim-1 en simulated:sim-1 done simulated", "sim-2 en simulated:sim-2 done simulated",
            "sim-3 zh simulated:sim-3 done simulated");
    assertThat(rows("SELECT video_id || ' ' || t.slug || ' ' || rank || ' ' || raw_label || ' ' || tagger || ' '"
        + " || tagger_model FROM video_tags vt JOIN tags t USING (tag_id) ORDER BY video_id, rank"))
        .containsExactly("sim-1 dogs 1 dogs offline simulated", "sim-1 cats 2 cats offline simulated",
            "sim-2 cats 1 cats offline simulated", "sim-3 dogs 1 dogs offline simulated");
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
