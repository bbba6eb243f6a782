package io.tagcf.activities.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.EmbeddingModelInfo;
import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.Transactions;
import io.tagcf.store.tags.ApprovalOutcome;
import io.tagcf.store.tags.CandidateApproval;
import io.tagcf.store.tags.CandidateQuarantine;
import io.tagcf.store.tags.TagRepository;
import io.tagcf.store.tags.VideoTagRepository;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A label one creator's tagger proposed does not absorb the near labels of other videos until it
 * is released. Vectors come from a fake embedder, so that "near" is exact and no vocabulary of the
 * real model interferes; the repository is the real one.
 */
class TagNormaliserQuarantineTest {

  private static final int DIM = 16;
  private static final CandidateQuarantine RULE = new CandidateQuarantine(3);

  /** Labels of one theme point almost the same way: cosine similarity above 0.99. */
  private static final Map<String, float[]> VECTORS = Map.of(
      "Miracle Cure", Fixtures.axis(DIM, 3, 0),
      "Miracle Cures", Fixtures.axis(DIM, 3, 0.05),
      "Miracle Curing", Fixtures.axis(DIM, 3, 0.04));

  private static final Embedder FAKE = new Embedder() {
    @Override
    public EmbeddingModelInfo model() {
      return new EmbeddingModelInfo("fake-16", DIM);
    }

    @Override
    public List<float[]> embedBatch(List<String> texts) {
      // Another spelling of a label (the same slug) gets its vector.
      return texts.stream().map(t -> VECTORS.getOrDefault(t, VECTORS.get("Miracle Cure"))).toList();
    }
  };

  private static final Database db = TestDatabase.fresh();
  private final TagRepository tags = new TagRepository(db.dataSource(), RULE);
  private final TagNormaliser normaliser = new TagNormaliser(tags, FAKE, TagNormaliser.DEFAULT_THRESHOLD);

  @BeforeEach
  void videos() {
    TestDatabase.truncate(db);
    new Transactions(db.dataSource()).inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO videos (video_id, creator_id, title, language,"
          + " content_hash) VALUES (?, ?, 't', 'en', 'h')")) {
        for (String creator : List.of("a", "b", "c")) {
          ps.setString(1, creator + "-video");
          ps.setString(2, creator);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aQuarantinedCandidateAbsorbsNothingUntilThreeCreatorsCarryIt() {
    NormalisedTags ofA = normalise("Miracle Cure");
    store("a-video", ofA);
    NormalisedTag poison = ofA.tags().get(0);
    assertThat(poison.newCandidate()).isTrue();

    NormalisedTag ofB = normalise("Miracle Cures").tags().get(0);
    assertThat(ofB.tagId()).as("b's near label stays its own").isNotEqualTo(poison.tagId());
    assertThat(ofB.newCandidate()).isTrue();

    // The same word is the same tag, whoever says it: that is how a candidate is released.
    NormalisedTags sameWord = normalise("miracle  cure");
    assertThat(sameWord.tags().get(0).tagId()).isEqualTo(poison.tagId());
    store("b-video", sameWord);
    store("c-video", sameWord);

    NormalisedTag later = normalise("Miracle Curing").tags().get(0);
    assertThat(later.tagId()).as("released: near labels merge again").isEqualTo(poison.tagId());
    assertThat(later.newCandidate()).isFalse();
    assertThat(later.matchSimilarity()).isGreaterThan(0.99);
  }

  @Test
  void anApprovedCandidateIsAMergeTargetAtOnce() {
    NormalisedTags ofA = normalise("Miracle Cure");
    store("a-video", ofA);
    long id = ofA.tags().get(0).tagId();
    assertThat(normalise("Miracle Curing").tags().get(0).tagId()).isNotEqualTo(id);
    assertThat(new CandidateApproval(db.dataSource(), RULE).approve(id, "admin"))
        .isEqualTo(ApprovalOutcome.APPROVED);
    assertThat(normalise("Miracle Cures").tags().get(0).tagId()).isEqualTo(id);
  }

  private NormalisedTags normalise(String label) {
    List<RawTag> raw = List.of(new RawTag(label, TagKind.ITEM, 0.9));
    return normaliser.normalise(new TagExtraction(raw, List.of(), TaggerKind.LLM, "openai", "m", "v1", null));
  }

  private static void store(String video, NormalisedTags tags) {
    new Transactions(db.dataSource()).inTransaction(c -> {
      VideoTagRepository.replace(c, video, "h", tags);
      return null;
    });
  }
}
