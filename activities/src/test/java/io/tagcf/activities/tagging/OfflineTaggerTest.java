package io.tagcf.activities.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.activities.SharedEmbedder;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.video.VideoSubmission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline tagger with the real model and the seed vocabulary, on unmistakable videos. */
class OfflineTaggerTest {

  private static OfflineTagger tagger;

  @BeforeAll
  static void build() {
    Embedder e = SharedEmbedder.get();
    List<EmbeddedTag> tags = new ArrayList<>();
    for (VocabularyEntry v : TagVocabulary.seed().entries()) {
      tags.add(new EmbeddedTag(0, v, e.embedOne(v.profileText()), e.embedOne(v.en()), e.embedOne(v.zh())));
    }
    tagger = new OfflineTagger(e, tags, OfflineTagger.Settings.defaults());
  }

  /** The Chinese label of a seed tag, looked up by its English one. */
  private static String zh(String en) {
    return TagVocabulary.seed().entries().stream().filter(v -> v.en().equals(en)).findFirst().orElseThrow().zh();
  }

  private static List<String> labels(List<RawTag> tags) {
    return tags.stream().map(RawTag::label).toList();
  }

  @Test
  void chineseCookingVideo() {
    TagExtraction t = tagger.tag(new VideoSubmission("v", "c", "家常红烧肉的做法，肥而不腻",
        "今天教大家做一道经典家常菜红烧肉 #美食 #家常菜",
        "先把五花肉切块焯水，然后炒糖色，加入生抽老抽，小火慢炖四十分钟。", null, 180.0, "zh", null));
    assertThat(t.tagger()).isEqualTo(TaggerKind.OFFLINE);
    assertThat(t.model()).isEqualTo("bge-small-zh-v15-q");
    assertThat(labels(t.itemTags()).subList(0, 2))
        .containsExactlyInAnyOrder(zh("braised pork belly"), zh("home cooking"));
    assertThat(labels(t.audienceTags())).contains(zh("home cooks"));
    assertThat(t.itemTags()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    // #美食 names no vocabulary tag: the creator's own hashtag comes along as a weak candidate
    RawTag last = t.itemTags().get(t.itemTags().size() - 1);
    assertThat(last.label()).isEqualTo("美食");
    assertThat(last.score()).isLessThan(0.5);
    assertThat(t.itemTags().subList(0, t.itemTags().size() - 1)).allSatisfy(r -> assertThat(r.score()).isBetween(0.5, 1.0));
  }

  @Test
  void englishPetVideo() {
    TagExtraction t = tagger.tag(new VideoSubmission("v", "c", "My cat knocked over the Christmas tree again",
        "Mochi the tabby vs. the tree, round 3. #catsoftiktok",
        "So I set up the tree this morning and within ten minutes my cat Mochi was already climbing it.",
        null, 40.0, "en", null));
    assertThat(labels(t.itemTags()).get(0)).isEqualTo("cats");
    assertThat(labels(t.audienceTags())).contains("cat lovers");
  }

  @Test
  void parentingVideoFindsItsAudience() {
    TagExtraction t = tagger.tag(new VideoSubmission("v", "c", "宝宝第一次吃辅食，表情太可爱了",
        "六个月宝宝辅食添加记录，新手爸妈必看 #育儿", "今天是宝宝六个月，第一次尝试米粉，医生说要从少量开始。",
        null, 60.0, "zh", null));
    assertThat(labels(t.audienceTags()).get(0)).isEqualTo(zh("new parents"));
  }

  @Test
  void limitsAreRespected() {
    TagExtraction t = tagger.tag(new VideoSubmission("v", "c", "Vlog", null, null, null, null, "en", null));
    assertThat(t.itemTags().size()).isLessThanOrEqualTo(10);
    assertThat(t.audienceTags().size()).isLessThanOrEqualTo(8);
  }
}
