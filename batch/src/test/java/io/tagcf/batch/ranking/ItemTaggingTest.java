package io.tagcf.batch.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.batch.InputException;
import io.tagcf.batch.tag.BatchTagger;
import io.tagcf.batch.tag.TagLine;
import io.tagcf.batch.tag.TagLine.ScoredLabel;
import io.tagcf.models.ranking.evaluation.RankingData;
import io.tagcf.models.ranking.evaluation.UserHistory;
import io.tagcf.models.video.VideoSubmission;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemTaggingTest {

  @TempDir Path dir;

  private static final RankingDataset DATASET = new RankingDataset(
      new RankingData("games", List.of("0", "1"), List.of(new UserHistory("u", new int[] {0, 1}, new double[] {0, 1})),
          "positions"),
      List.of(new ItemText("0", "Fire Emblem", null, List.of("RPG")), new ItemText("1", "Halo 3 - Xbox 360", "shooter",
          List.of("Shooter", "RPG"))));

  /** Tags by title words; records what it was asked. */
  private static final class WordTagger implements BatchTagger {
    final List<VideoSubmission> seen = new CopyOnWriteArrayList<>();

    @Override
    public TagLine tag(VideoSubmission v) {
      seen.add(v);
      List<ScoredLabel> items = v.title().contains("Halo") ? List.of(new ScoredLabel("shooter games", 0.8),
          new ScoredLabel("console games", 0.5)) : List.of(new ScoredLabel("console games", 0.6));
      return new TagLine(v.videoId(), items, List.of(new ScoredLabel("gamers", 0.7)), "offline", null);
    }

    @Override
    public String description() {
      return "words";
    }
  }

  @Test
  void itemsAreTaggedAsUploadsOnceAndReadBackFromTheCache() throws Exception {
    WordTagger tagger = new WordTagger();
    Path cache = dir.resolve("tags.jsonl");

    TaggedItems first = ItemTagging.tag(DATASET, tagger, cache, 2, false);

    assertThat(first.taggedNow()).isEqualTo(2);
    assertThat(tagger.seen).extracting(VideoSubmission::videoId).containsExactlyInAnyOrder("item-0", "item-1");
    assertThat(tagger.seen).allMatch(v -> v.creatorId().equals("games") && v.language().equals("en"));
    // labels get ids per kind: item tags from 1, audience tags from AUDIENCE_IDS; the same label shares its id
    long console = first.itemTags().get(0).keySet().iterator().next();
    assertThat(first.labels().get(console)).isEqualTo("console games");
    assertThat(first.itemTags().get(1)).containsEntry(console, 0.5).hasSize(2);
    assertThat(first.audienceTags().get(0)).isEqualTo(Map.of(ItemTagging.AUDIENCE_IDS, 0.7));

    WordTagger again = new WordTagger();
    TaggedItems second = ItemTagging.tag(DATASET, again, cache, 2, false);
    assertThat(again.seen).isEmpty();
    assertThat(second.fromCache()).isEqualTo(2);
    assertThat(second.itemTags()).isEqualTo(first.itemTags());
  }

  @Test
  void categoriesBecomeItemTagsAndAreRefusedWhereThereAreNone() {
    TaggedItems t = ItemTagging.fromCategories(DATASET);
    long rpg = t.labels().entrySet().stream().filter(e -> e.getValue().equals("RPG")).findFirst().orElseThrow().getKey();
    assertThat(t.itemTags().get(0)).isEqualTo(Map.of(rpg, 1.0));
    assertThat(t.itemTags().get(1)).containsEntry(rpg, 1.0).hasSize(2);
    assertThat(t.audienceTags()).allMatch(Map::isEmpty);
    RankingDataset bare = new RankingDataset(DATASET.data(),
        List.of(new ItemText("0", "a", null, List.of()), new ItemText("1", "b", null, List.of())));
    assertThatThrownBy(() -> ItemTagging.fromCategories(bare)).isInstanceOf(InputException.class)
        .hasMessageContaining("has no category column");
  }
}
