package io.tagcf.store.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.coverset.TaggedItem;
import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import io.tagcf.store.Transactions;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.models.coverset.CoverSet;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candidate tags stay the label of their own videos until videos of three creators carry them or
 * an admin approves them: no merge target, no cover-set member, not listed for non-admins.
 */
class CandidateQuarantineTest {

  private static final int DIM = 384;
  private static final CandidateQuarantine RULE = new CandidateQuarantine(3);

  private static Database db;
  private static Transactions tx;
  private static TagRepository tags;
  private static TagCatalog catalog;
  private static CoverSetRepository coverSets;
  private static CandidateApproval approval;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    tx = new Transactions(db.dataSource());
    tags = new TagRepository(db.dataSource(), RULE);
    catalog = new TagCatalog(db.dataSource(), RULE);
    coverSets = new CoverSetRepository(db.dataSource(), RULE);
    approval = new CandidateApproval(db.dataSource(), RULE);
  }

  @AfterAll
  static void close() {
    TestDatabase.truncate(db);
    db.close();
  }

  @BeforeEach
  void vocabularyAndVideos() {
    TestDatabase.truncate(db);
    tags.loadVocabulary("v1", "m", DIM, List.of(Fixtures.tag("cats", TagKind.ITEM, "cats", "猫咪", 0, DIM)));
    tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO videos (video_id, creator_id, title, language,"
          + " content_hash) VALUES (?, ?, 't', 'en', 'h')")) {
        for (String creator : List.of("a", "b", "c", "d")) {
          for (int i = 0; i < 3; i++) {
            ps.setString(1, creator + i);
            ps.setString(2, creator);
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Test
  void aQuarantinedCandidateAbsorbsNoOtherLabelUntilThreeCreatorsCarryIt() {
    TagMatch poison = candidate("Cheap Pills", 40);
    tag("a0", poison);
    tag("a1", poison);
    // Creator b's label sits right next to it: without quarantine it would merge.
    float[] near = Fixtures.axis(DIM, 40, 0.05);
    assertThat(tags.nearestLabel(TagKind.ITEM, "m", near)).map(TagMatch::tagId).isNotEqualTo(Optional.of(poison.tagId()));
    assertThat(tags.nearestLabel(TagKind.ITEM, "m", Fixtures.axis(DIM, 0, 0)).orElseThrow().slug()).isEqualTo("cats");

    tag("b0", poison);
    assertThat(tags.nearestLabel(TagKind.ITEM, "m", near)).map(TagMatch::tagId).isNotEqualTo(Optional.of(poison.tagId()));
    tag("c0", poison);
    assertThat(creators(poison)).isEqualTo(3);
    TagMatch released = tags.nearestLabel(TagKind.ITEM, "m", near).orElseThrow();
    assertThat(released.tagId()).isEqualTo(poison.tagId());
    assertThat(released.similarity()).isGreaterThan(0.99);
  }

  @Test
  void aQuarantinedCandidateMatchesExactlyOnlyItsOwnSlug() {
    TagMatch own = candidate("Latte Art", 41);
    tag("a0", own);
    // Its own word (any case or spacing) is the same tag: that is how it collects creators.
    assertThat(tags.exactLabels(TagKind.ITEM, List.of("latte  ART")).get("latte  ART").tagId()).isEqualTo(own.tagId());
    // A label whose slug differs is never caught by the candidate's label text while quarantined.
    long odd = insertCandidate("odd-slug", "Cooking Tips");
    assertThat(tags.exactLabels(TagKind.ITEM, List.of("cooking tips"))).isEmpty();
    assertThat(approval.approve(odd, "admin-key")).isEqualTo(ApprovalOutcome.APPROVED);
    assertThat(tags.exactLabels(TagKind.ITEM, List.of("cooking tips")).get("cooking tips").tagId()).isEqualTo(odd);
    // Vocabulary tags match as before.
    assertThat(tags.exactLabels(TagKind.ITEM, List.of("Cats")).get("Cats").slug()).isEqualTo("cats");
  }

  @Test
  void approvalReleasesOnceAndRefusesWhatWasNeverQuarantined() {
    TagMatch pending = candidate("Sunset Drone", 42);
    tag("a0", pending);
    assertThat(tags.nearestLabel(TagKind.ITEM, "m", Fixtures.axis(DIM, 42, 0))).map(TagMatch::tagId)
        .isNotEqualTo(Optional.of(pending.tagId()));
    assertThat(approval.approve(pending.tagId(), "key-1")).isEqualTo(ApprovalOutcome.APPROVED);
    assertThat(TestSql.text(db.dataSource(), "SELECT approved_by FROM tags WHERE tag_id = " + pending.tagId()))
        .isEqualTo("key-1");
    assertThat(tags.nearestLabel(TagKind.ITEM, "m", Fixtures.axis(DIM, 42, 0)).orElseThrow().tagId())
        .isEqualTo(pending.tagId());
    assertThat(approval.approve(pending.tagId(), "key-2")).isEqualTo(ApprovalOutcome.ALREADY_RELEASED);
    assertThat(approval.approve(cats(), "key-1")).isEqualTo(ApprovalOutcome.VOCABULARY_TAG);
    assertThat(approval.approve(999_999, "key-1")).isEqualTo(ApprovalOutcome.NO_SUCH_TAG);

    TagMatch popular = candidate("Street Food", 43);
    tag("a0", popular);
    tag("b0", popular);
    tag("c0", popular);
    assertThat(approval.approve(popular.tagId(), "key-1")).isEqualTo(ApprovalOutcome.ALREADY_RELEASED);
  }

  @Test
  void theCatalogListsQuarantinedTagsOnlyWhenAskedAndFlagsThem() {
    TagMatch poison = candidate("Cheap Pills", 40);
    tag("a0", poison);
    tag("a1", poison);
    tag("a2", poison);
    tag("b0", cats());

    List<TagSummary> publicList = catalog.search(null, null, null, null, 100, false).items();
    assertThat(publicList).extracting(TagSummary::slug).containsExactly("cats");
    List<TagSummary> adminList = catalog.search(null, null, null, null, 100, true).items();
    assertThat(adminList).extracting(TagSummary::slug).containsExactly("cheap-pills", "cats");
    assertThat(adminList.get(0).quarantined()).isTrue();
    assertThat(adminList.get(1).quarantined()).isFalse();
    assertThat(catalog.find(poison.tagId()).orElseThrow().quarantined()).isTrue();
    assertThat(catalog.search(null, "pills", null, null, 100, false).items()).isEmpty();

    tag("b1", poison);
    tag("c1", poison);
    TagSummary released = catalog.find(poison.tagId()).orElseThrow();
    assertThat(released.quarantined()).isFalse();
    assertThat(released.candidate()).isTrue();
    assertThat(catalog.search(null, null, null, null, 100, false).items()).extracting(TagSummary::slug)
        .containsExactly("cheap-pills", "cats");
  }

  @Test
  void theCoverSetReadsNoQuarantinedTag() {
    TagMatch poison = candidate("Cheap Pills", 40);
    tag("a0", poison, cats());
    tag("a1", poison);
    List<TaggedItem> items = coverSets.recentItems(TagKind.ITEM, Instant.EPOCH);
    assertThat(items).hasSize(12);
    assertThat(items).allSatisfy(i -> assertThat(i.tagIds()).doesNotContain(poison.tagId()));
    assertThat(items).filteredOn(i -> i.itemId().equals("a0")).singleElement()
        .satisfies(i -> assertThat(i.tagIds()).containsExactly(cats()));

    // A version stored before (or under a lower threshold) is read without it.
    coverSets.save(TagKind.ITEM, 30, 1.0, new CoverSet(List.of(poison.tagId(), cats()), List.of(2, 1), 2, 2, 1.0));
    assertThat(coverSets.latestMembers(TagKind.ITEM)).containsExactly(cats());
    approval.approve(poison.tagId(), "admin");
    assertThat(coverSets.latestMembers(TagKind.ITEM)).containsExactly(poison.tagId(), cats());
    assertThat(coverSets.recentItems(TagKind.ITEM, Instant.EPOCH))
        .filteredOn(i -> i.itemId().equals("a1")).singleElement()
        .satisfies(i -> assertThat(i.tagIds()).containsExactly(poison.tagId()));
  }

  @Test
  void creatorCountsFollowRetaggingDeletionAndTruncation() {
    TagMatch t = candidate("Knitting", 44);
    tag("a0", t);
    tag("a1", t);
    tag("b0", t);
    assertThat(creatorCounts()).isEqualTo(truth()).containsEntry(t.tagId(), 2L);
    tag("a0");
    assertThat(creatorCounts()).isEqualTo(truth()).containsEntry(t.tagId(), 2L);
    tag("a1");
    assertThat(creatorCounts()).isEqualTo(truth()).containsEntry(t.tagId(), 1L);
    tag("c0", t);
    TestSql.execute(db.dataSource(), "DELETE FROM videos WHERE video_id = 'b0'");
    assertThat(creatorCounts()).isEqualTo(truth()).containsEntry(t.tagId(), 1L);
    TestSql.execute(db.dataSource(), "TRUNCATE video_tags");
    assertThat(creatorCounts().values()).containsOnly(0L);
    assertThat(TestSql.number(db.dataSource(), "SELECT count(*) FROM tag_creators")).isZero();
  }

  @Test
  void aVideoKeepsItsCreator() {
    assertThatThrownBy(() -> TestSql.execute(db.dataSource(), "UPDATE videos SET creator_id = 'z' WHERE video_id = 'a0'"))
        .hasStackTraceContaining("cannot change");
  }

  /**
   * Videos of many creators tagged at once, each in its own transaction: without the tag-row lock
   * before counting, two writers each see none of the other's rows and the count falls short.
   */
  @Test
  void concurrentTaggersOfDifferentCreatorsAreAllCounted() throws Exception {
    TagMatch t = candidate("Rush", 45);
    List<String> videos = new ArrayList<>();
    tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO videos (video_id, creator_id, title, language,"
          + " content_hash) VALUES (?, ?, 't', 'en', 'h')")) {
        for (int i = 0; i < 24; i++) {
          ps.setString(1, "rush" + i);
          ps.setString(2, "creator" + (i % 12));
          ps.addBatch();
          videos.add("rush" + i);
        }
        ps.executeBatch();
      }
      return null;
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (String v : videos) {
        runs.add(pool.submit(() -> {
          start.await();
          tag(v, t);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(creators(t)).isEqualTo(12);
    assertThat(creatorCounts()).isEqualTo(truth());
  }

  private static long cats() {
    return tags.exactLabels(TagKind.ITEM, List.of("cats")).get("cats").tagId();
  }

  private static TagMatch candidate(String label, int axis) {
    return tags.addCandidate(TagKind.ITEM, label, "en", "m", Fixtures.axis(DIM, axis, 0));
  }

  /** A candidate whose label and slug disagree, as no tagger writes it, to test the label path. */
  private static long insertCandidate(String slug, String label) {
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags (kind, slug, label_en, status, origin)"
          + " VALUES ('item', ?, ?, 'candidate', 'test') RETURNING tag_id")) {
        ps.setString(1, slug);
        ps.setString(2, label);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static void tag(String video, Object... matches) {
    List<NormalisedTag> list = new ArrayList<>();
    for (Object m : matches) {
      long id = m instanceof TagMatch tm ? tm.tagId() : (Long) m;
      list.add(new NormalisedTag(id, TagKind.ITEM, "s" + id, "label " + id, 0.5, 1, false));
    }
    tx.inTransaction(c -> {
      VideoTagRepository.replace(c, video, "h", new NormalisedTags(list, TaggerKind.OFFLINE, null, "test", null, null));
      return null;
    });
  }

  private static long creators(TagMatch t) {
    return TestSql.number(db.dataSource(), "SELECT creator_count FROM tags WHERE tag_id = " + t.tagId());
  }

  private static Map<Long, Long> creatorCounts() {
    return query("SELECT tag_id, creator_count FROM tags");
  }

  private static Map<Long, Long> truth() {
    return query("SELECT t.tag_id, count(DISTINCT v.creator_id) FROM tags t"
        + " LEFT JOIN video_tags vt ON vt.tag_id = t.tag_id LEFT JOIN videos v ON v.video_id = vt.video_id"
        + " GROUP BY t.tag_id");
  }

  private static Map<Long, Long> query(String sql) {
    return TestSql.longs(db.dataSource(), sql);
  }
}
