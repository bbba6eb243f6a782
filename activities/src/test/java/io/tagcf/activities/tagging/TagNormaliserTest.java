package io.tagcf.activities.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.activities.SharedEmbedder;
import io.tagcf.activities.vocabulary.VocabularyBootstrap;
import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.tags.TagRepository;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Normalisation against the real seed vocabulary in pgvector with the real model. */
class TagNormaliserTest {

  private static Database db;
  private static TagRepository tags;
  private static TagNormaliser normaliser;

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    tags = new TagRepository(db.dataSource());
    assertThat(new VocabularyBootstrap(tags, SharedEmbedder.get()).ensureLoaded(TagVocabulary.seed())).isTrue();
    assertThat(new VocabularyBootstrap(tags, SharedEmbedder.get()).ensureLoaded(TagVocabulary.seed())).isFalse();
    normaliser = new TagNormaliser(tags, SharedEmbedder.get(), TagNormaliser.DEFAULT_THRESHOLD);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static NormalisedTag one(TagKind kind, String label) {
    List<RawTag> raw = List.of(new RawTag(label, kind, 0.9));
    TagExtraction e = kind == TagKind.ITEM
        ? new TagExtraction(raw, List.of(), TaggerKind.LLM, "openai", "test-model", "test-v1", null)
        : new TagExtraction(List.of(), raw, TaggerKind.LLM, "openai", "test-model", "test-v1", null);
    NormalisedTags n = normaliser.normalise(e);
    assertThat(n.tagger()).isEqualTo(TaggerKind.LLM);
    assertThat(n.promptVersion()).isEqualTo("test-v1");
    return n.tags().get(0);
  }

  @Test
  void exactLabelsInEitherLanguageMapStraightOn() {
    NormalisedTag en = one(TagKind.ITEM, "Home Cooking");
    NormalisedTag zh = one(TagKind.ITEM, "家常菜");
    assertThat(en.slug()).isEqualTo("home-cooking");
    assertThat(zh.tagId()).isEqualTo(en.tagId());
    assertThat(en.matchSimilarity()).isEqualTo(1.0);
    assertThat(en.newCandidate()).isFalse();
  }

  @Test
  void aCloseParaphraseMergesIntoItsNearestTag() {
    NormalisedTag t = one(TagKind.ITEM, "家常菜做法");
    assertThat(t.newCandidate()).isFalse();
    assertThat(t.slug()).isEqualTo("home-cooking");
    assertThat(t.matchSimilarity()).isBetween(TagNormaliser.DEFAULT_THRESHOLD, 1.0);
  }

  @Test
  void somethingNewBecomesACandidateOnceAndIsReusedAfter() {
    NormalisedTag first = one(TagKind.ITEM, "量子计算机拆解");
    assertThat(first.newCandidate()).isTrue();
    NormalisedTag second = one(TagKind.ITEM, "量子计算机拆解");
    assertThat(second.tagId()).isEqualTo(first.tagId());
    assertThat(second.newCandidate()).isFalse();
  }

  @Test
  void kindsAreNormalisedSeparately() {
    NormalisedTag audience = one(TagKind.AUDIENCE, "new parents");
    assertThat(audience.kind()).isEqualTo(TagKind.AUDIENCE);
    assertThat(audience.slug()).isEqualTo("new-parents");
  }
}
