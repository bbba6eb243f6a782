package io.tagcf.store.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The usage counts the V9 triggers keep, and the keyset-paged search that reads them. */
class TagUsageTest {

  private static final int TAGS = 12;
  private static final int VIDEOS = 16;

  private static Database db;
  private static Transactions tx;
  private static TagCatalog catalog;
  private static final List<Long> ids = new ArrayList<>();

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    tx = new Transactions(db.dataSource());
    catalog = new TagCatalog(db.dataSource());
  }

  @AfterAll
  static void close() {
    TestDatabase.truncate(db);
    db.close();
  }

  @BeforeEach
  void tagsAndVideos() {
    TestDatabase.truncate(db);
    ids.clear();
    tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags (kind, slug, label_en, status, origin)"
          + " VALUES (?, ?, ?, 'vocabulary', 'test') RETURNING tag_id")) {
        for (int i = 0; i < TAGS; i++) {
          ps.setString(1, i % 3 == 0 ? "audience" : "item");
          ps.setString(2, "tag-" + i);
          ps.setString(3, "tag " + i);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO videos (video_id, creator_id, title, language, content_hash) VALUES (?, 'c', 't', 'en', 'h')")) {
        for (int v = 0; v < VIDEOS; v++) {
          ps.setString(1, "v" + v);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Test
  void countsFollowInsertsReplacementsAndTruncation() {
    tag("v0", 0, 1, 2);
    tag("v1", 1, 2);
    tag("v2", 2);
    assertThat(counts()).isEqualTo(truth()).containsEntry(ids.get(2), 3L).containsEntry(ids.get(0), 1L);

    tag("v0", 2, 3);
    assertThat(counts()).isEqualTo(truth()).containsEntry(ids.get(0), 0L).containsEntry(ids.get(3), 1L);

    TestSql.execute(db.dataSource(), "DELETE FROM video_tags WHERE video_id = 'v1'");
    assertThat(counts()).isEqualTo(truth()).containsEntry(ids.get(1), 0L).containsEntry(ids.get(2), 2L);

    TestSql.execute(db.dataSource(), "TRUNCATE video_tags");
    assertThat(counts().values()).containsOnly(0L);
  }

  @Test
  void concurrentRetaggingNeitherDeadlocksNorMiscounts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int v = 0; v < VIDEOS; v++) {
        String video = "v" + v;
        Random random = new Random(v);
        runs.add(pool.submit(() -> {
          for (int round = 0; round < 25; round++) {
            List<Integer> order = new ArrayList<>();
            for (int t = 0; t < TAGS; t++) {
              order.add(t);
            }
            Collections.shuffle(order, random);
            tag(video, order.subList(0, 2 + random.nextInt(6)).stream().mapToInt(Integer::intValue).toArray());
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(counts()).isEqualTo(truth());
  }

  @Test
  void pagesFollowTheSearchOrderWithoutGapsOrRepeats() {
    for (int v = 0; v < VIDEOS; v++) {
      // tag t on videos 0..t-1 (ties among equal counts broken by id)
      List<Integer> on = new ArrayList<>();
      for (int t = 0; t < TAGS; t++) {
        if (v < t || (t > 6 && v < 7)) {
          on.add(t);
        }
      }
      tag("v" + v, on.stream().mapToInt(Integer::intValue).toArray());
    }
    List<TagSummary> all = catalog.search(null, null, null, null, 100, false).items();
    assertThat(all).hasSize(TAGS);
    for (int i = 1; i < all.size(); i++) {
      TagSummary a = all.get(i - 1);
      TagSummary b = all.get(i);
      assertThat(a.videoCount() > b.videoCount() || (a.videoCount() == b.videoCount() && a.tagId() < b.tagId()))
          .as("%s before %s", a.slug(), b.slug()).isTrue();
    }
    for (int size = 1; size <= 5; size++) {
      List<TagSummary> paged = new ArrayList<>();
      TagPage page = catalog.search(null, null, null, null, size, false);
      paged.addAll(page.items());
      while (page.next().isPresent()) {
        page = catalog.search(null, null, null, page.next().get(), size, false);
        assertThat(page.items()).isNotEmpty().hasSizeLessThanOrEqualTo(size);
        paged.addAll(page.items());
      }
      assertThat(paged).as("pages of %d", size).isEqualTo(all);
    }
    TagPage items = catalog.search(TagKind.ITEM, "tag", false, null, 3, false);
    TagPage more = catalog.search(TagKind.ITEM, "tag", false, items.next().orElseThrow(), 100, false);
    List<TagSummary> filtered = new ArrayList<>(items.items());
    filtered.addAll(more.items());
    assertThat(filtered).isEqualTo(all.stream().filter(t -> t.kind() == TagKind.ITEM).toList());
    assertThat(more.next()).isEmpty();
  }

  private static void tag(String video, int... tags) {
    List<NormalisedTag> list = new ArrayList<>();
    for (int t : tags) {
      list.add(new NormalisedTag(ids.get(t), t % 3 == 0 ? TagKind.AUDIENCE : TagKind.ITEM, "tag-" + t, "tag " + t,
          0.5, 1, false));
    }
    tx.inTransaction(c -> {
      VideoTagRepository.replace(c, video, "h", new NormalisedTags(list, TaggerKind.OFFLINE, null, "test", null, null));
      return null;
    });
  }

  private static Map<Long, Long> counts() {
    return query("SELECT tag_id, video_count FROM tags");
  }

  private static Map<Long, Long> truth() {
    return query("SELECT t.tag_id, count(vt.tag_id) FROM tags t LEFT JOIN video_tags vt ON vt.tag_id = t.tag_id"
        + " GROUP BY t.tag_id");
  }

  private static Map<Long, Long> query(String sql) {
    return TestSql.longs(db.dataSource(), sql);
  }
}
