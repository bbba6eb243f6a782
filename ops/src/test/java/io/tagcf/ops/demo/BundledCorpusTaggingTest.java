package io.tagcf.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.batch.LocalModels;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.VocabularyEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guard that the offline tagger serves real captions without losing the bundled corpus: each
 * of its 375 videos was written for one vocabulary topic, and that topic must stay among the
 * video's item tags for at least 97% of them (offline-v1: 97.6%; offline-v2 with the bundled
 * reference: 98.4%, 369 of 375). Every video gets at least 3 item tags and an audience tag.
 */
class BundledCorpusTaggingTest {

  @Test
  void theOwnTopicStaysAmongTheItemTagsAndNoVideoGoesUntagged() {
    OfflineTagger tagger = LocalModels.offlineTagger("bge-small-zh-v15-q", OfflineTagger.Settings.defaults());
    Map<String, VocabularyEntry> byId = new HashMap<>();
    TagVocabulary.seed().entries().stream().filter(e -> e.kind() == TagKind.ITEM).forEach(e -> byId.put(e.id(), e));
    List<CorpusVideo> corpus = SampleCorpus.bundled();
    int found = 0;
    for (CorpusVideo c : corpus) {
      TagExtraction t = tagger.tag(c.submission(c.videoId(), "corpus"));
      assertThat(t.itemTags()).as(c.videoId()).hasSizeGreaterThanOrEqualTo(OfflineTagger.MIN_ITEM_TAGS);
      assertThat(t.audienceTags()).as(c.videoId()).isNotEmpty();
      VocabularyEntry own = byId.get(c.topic());
      assertThat(own).as("topic %s of %s", c.topic(), c.videoId()).isNotNull();
      List<String> labels = t.itemTags().stream().map(RawTag::label).toList();
      if (labels.contains(own.zh()) || labels.contains(own.en())) {
        found++;
      }
    }
    assertThat(corpus).hasSize(375);
    assertThat((double) found / corpus.size()).isGreaterThanOrEqualTo(0.97);
  }
}
