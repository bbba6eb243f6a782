package io.tagcf.store.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TagRepositoryTest {

  private static final int DIM = 384;
  private static Database db;
  private static TagRepository tags;

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    tags = new TagRepository(db.dataSource());
    tags.loadVocabulary("test-v1", "m", DIM, List.of(
        Fixtures.tag("cats", TagKind.ITEM, "cats", "猫咪", 0, DIM),
        Fixtures.tag("dogs", TagKind.ITEM, "dogs", "狗狗", 10, DIM),
        Fixtures.tag("cat-lovers", TagKind.AUDIENCE, "cat lovers", "爱猫人士", 20, DIM)));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** Rows come back in tag-id order, which says nothing about the order the vocabulary was given in. */
  private static EmbeddedTag byId(List<EmbeddedTag> stored, String id) {
    return stored.stream().filter(t -> t.entry().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void vocabularyLoadsOnceWithAllItsVectors() {
    assertThat(tags.isVocabularyLoaded("test-v1", "m")).isTrue();
    assertThat(tags.isVocabularyLoaded("test-v1", "other-model")).isFalse();
    List<EmbeddedTag> stored = tags.vocabularyVectors("m");
    assertThat(stored).extracting(t -> t.entry().id()).containsExactlyInAnyOrder("cats", "dogs", "cat-lovers");
    EmbeddedTag cats = byId(stored, "cats");
    assertThat(cats.entry().en()).isEqualTo("cats");
    assertThat(cats.entry().keywordsZh()).containsExactly("猫咪");
    assertThat(cats.profile()).containsExactly(Fixtures.axis(DIM, 0, 0));
    assertThat(cats.labelZh()).containsExactly(Fixtures.axis(DIM, 0, 0.2));
  }

  @Test
  void reloadingKeepsTagIds() {
    long before = byId(tags.vocabularyVectors("m"), "dogs").tagId();
    tags.loadVocabulary("test-v1", "m", DIM, List.of(Fixtures.tag("dogs", TagKind.ITEM, "dogs!", "狗", 10, DIM)));
    EmbeddedTag dogs = byId(tags.vocabularyVectors("m"), "dogs");
    assertThat(dogs.tagId()).isEqualTo(before);
    assertThat(dogs.entry().en()).isEqualTo("dogs!");
    tags.loadVocabulary("test-v1", "m", DIM, List.of(Fixtures.tag("dogs", TagKind.ITEM, "dogs", "狗狗", 10, DIM)));
  }

  @Test
  void exactLabelsMatchEitherLanguageIgnoringCase() {
    Map<String, TagMatch> m = tags.exactLabels(TagKind.ITEM, List.of("Cats", "狗狗", "horses"));
    assertThat(m).containsOnlyKeys("Cats", "狗狗");
    assertThat(m.get("Cats").slug()).isEqualTo("cats");
    assertThat(tags.exactLabels(TagKind.AUDIENCE, List.of("cats"))).isEmpty();
  }

  @Test
  void nearestLabelStaysWithinTheKind() {
    TagMatch near = tags.nearestLabel(TagKind.ITEM, "m", Fixtures.axis(DIM, 10, 0.15)).orElseThrow();
    assertThat(near.slug()).isEqualTo("dogs");
    assertThat(near.similarity()).isGreaterThan(0.99);
    TagMatch audience = tags.nearestLabel(TagKind.AUDIENCE, "m", Fixtures.axis(DIM, 10, 0.15)).orElseThrow();
    assertThat(audience.slug()).isEqualTo("cat-lovers");
    assertThat(audience.similarity()).isLessThan(0.1);
  }

  @Test
  void candidatesAreIdempotentAndFoundByTheirLabel() {
    TagMatch first = tags.addCandidate(TagKind.ITEM, "Latte Art", "en", "m", Fixtures.axis(DIM, 40, 0));
    TagMatch again = tags.addCandidate(TagKind.ITEM, "latte  art", "en", "m", Fixtures.axis(DIM, 40, 0));
    assertThat(again.tagId()).isEqualTo(first.tagId());
    assertThat(first.slug()).isEqualTo("latte-art");
    assertThat(tags.exactLabels(TagKind.ITEM, List.of("LATTE ART")).get("LATTE ART").tagId()).isEqualTo(first.tagId());
    // No video carries it yet: quarantined, so no other label merges into it (CandidateQuarantineTest).
    assertThat(tags.nearestLabel(TagKind.ITEM, "m", Fixtures.axis(DIM, 40, 0)).orElseThrow().tagId())
        .isNotEqualTo(first.tagId());
    assertThat(tags.vocabularyVectors("m")).noneMatch(t -> t.entry().id().equals("latte-art"));
  }
}
