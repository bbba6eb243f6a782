package io.tagcf.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.video.IngestStage;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.embedding.VideoEmbeddingRepository;
import io.tagcf.store.exemplars.LabelExemplarRepository;
import io.tagcf.store.tags.TagRepository;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.tags.VideoTagRepository;
import io.tagcf.store.video.VideoRepository;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IngestResultWriterTest {

  private static final int DIM = 384;
  private static Database db;
  private static long cats;
  private static long catLovers;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh();
    TagRepository tags = new TagRepository(db.dataSource());
    tags.loadVocabulary("t", "m", DIM, List.of(
        Fixtures.tag("cats", TagKind.ITEM, "cats", "猫", 0, DIM),
        Fixtures.tag("cat-lovers", TagKind.AUDIENCE, "cat lovers", "爱猫人士", 5, DIM)));
    cats = tags.exactLabels(TagKind.ITEM, List.of("cats")).get("cats").tagId();
    catLovers = tags.exactLabels(TagKind.AUDIENCE, List.of("cat lovers")).get("cat lovers").tagId();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static NormalisedTags tags(double catScore) {
    return tags(catScore, TaggerKind.OFFLINE);
  }

  private static NormalisedTags tags(double catScore, TaggerKind tagger) {
    return new NormalisedTags(List.of(
        new NormalisedTag(cats, TagKind.ITEM, "cats", "cats", catScore, 1.0, false),
        new NormalisedTag(cats, TagKind.ITEM, "cats", "kitty", 0.5, 0.9, false),
        new NormalisedTag(catLovers, TagKind.AUDIENCE, "cat-lovers", "cat lovers", 0.7, 1.0, false)),
        tagger, "onnx", "m", "offline-v1", null);
  }

  /**
   * A video the LLM tagged teaches the offline tagger: it becomes a labelled exemplar with its
   * vocabulary item tags and their categories; tagged again offline, it stops being one.
   */
  @Test
  void llmTagsMakeTheVideoAnExemplarAndOfflineTagsUndoIt() {
    VideoRepository videos = new VideoRepository(db.dataSource());
    videos.upsertForIngest(Fixtures.video("w3", "c", "cat video"), "h1", "wf");
    IngestResultWriter writer = new IngestResultWriter(db.dataSource());
    VideoEmbedding e = new VideoEmbedding("m", DIM, Fixtures.axis(DIM, 7, 0));
    var exemplars = new LabelExemplarRepository(db.dataSource());

    assertThat(writer.write("w3", "h1", tags(0.9, TaggerKind.LLM), e)).isTrue();
    var near = exemplars.nearest("m", e.vector(), 5, null).stream().filter(n -> n.key().equals("w3")).toList();
    assertThat(near).singleElement().satisfies(n -> {
      assertThat(n.tagIds()).containsExactly("cats");
      assertThat(n.categories()).containsExactly("test");
      assertThat(n.similarity()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    });
    assertThat(exemplars.nearest("m", e.vector(), 5, "w3")).extracting(n -> n.key()).doesNotContain("w3");

    assertThat(writer.write("w3", "h1", tags(0.9, TaggerKind.FALLBACK), e)).isTrue();
    assertThat(exemplars.nearest("m", e.vector(), 5, null)).extracting(n -> n.key()).doesNotContain("w3");
  }

  @Test
  void writesTagsEmbeddingAndStageTogether() {
    VideoRepository videos = new VideoRepository(db.dataSource());
    videos.upsertForIngest(Fixtures.video("w1", "c", "cat video"), "h1", "wf");
    IngestResultWriter writer = new IngestResultWriter(db.dataSource());
    VideoEmbedding e = new VideoEmbedding("m", DIM, Fixtures.axis(DIM, 3, 0));

    assertThat(writer.write("w1", "h1", tags(0.9), e)).isTrue();
    assertThat(writer.write("w1", "h1", tags(0.8), e)).isTrue();

    List<VideoTag> stored = new VideoTagRepository(db.dataSource()).tagsOf("w1");
    assertThat(stored).hasSize(2);
    VideoTag cat = stored.stream().filter(t -> t.kind() == TagKind.ITEM).findFirst().orElseThrow();
    assertThat(cat.score()).isEqualTo(0.8);
    assertThat(cat.rawLabel()).isEqualTo("cats");
    assertThat(cat.tagger()).isEqualTo("offline");
    assertThat(cat.promptVersion()).isEqualTo("offline-v1");
    assertThat(new VideoEmbeddingRepository(db.dataSource()).find("w1", "m").orElseThrow().vector())
        .containsExactly(e.vector());
    assertThat(videos.find("w1").orElseThrow().stage()).isEqualTo(IngestStage.DONE);
  }

  @Test
  void aStaleRunWritesNothing() {
    VideoRepository videos = new VideoRepository(db.dataSource());
    videos.upsertForIngest(Fixtures.video("w2", "c", "v1"), "h1", "wf");
    videos.upsertForIngest(Fixtures.video("w2", "c", "v2"), "h2", "wf");
    IngestResultWriter writer = new IngestResultWriter(db.dataSource());
    assertThat(writer.write("w2", "h1", tags(0.9), new VideoEmbedding("m", DIM, Fixtures.axis(DIM, 3, 0)))).isFalse();
    assertThat(new VideoTagRepository(db.dataSource()).tagsOf("w2")).isEmpty();
    assertThat(new VideoEmbeddingRepository(db.dataSource()).find("w2", "m")).isEmpty();
    assertThat(videos.find("w2").orElseThrow().stage()).isEqualTo(IngestStage.QUEUED);
  }

  @Test
  void similarVideosAreOrderedByCosine() {
    VideoRepository videos = new VideoRepository(db.dataSource());
    IngestResultWriter writer = new IngestResultWriter(db.dataSource());
    String[] ids = {"s0", "s1", "s2", "s3"};
    double[] bends = {0.0, 0.1, 0.5, 0.9};
    for (int i = 0; i < ids.length; i++) {
      videos.upsertForIngest(Fixtures.video(ids[i], "c", "video " + i), "h", "wf");
      writer.write(ids[i], "h", tags(0.9), new VideoEmbedding("m", DIM, Fixtures.axis(DIM, 100, bends[i])));
    }
    var similar = new VideoEmbeddingRepository(db.dataSource()).similar("s0", "m", 2);
    assertThat(similar).extracting(s -> s.videoId()).containsExactly("s1", "s2");
    assertThat(similar.get(0).similarity()).isGreaterThan(similar.get(1).similarity());
    assertThat(new VideoEmbeddingRepository(db.dataSource()).similar("unknown", "m", 2)).isEmpty();
  }
}
