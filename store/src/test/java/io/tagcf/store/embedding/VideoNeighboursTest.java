package io.tagcf.store.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nearest videos through the HNSW index: as many as asked for, and for a creator only published
 * videos and their own. Enough videos that the planner takes the index, whose scan by default
 * hands over only its 40 best candidates before any filter.
 */
class VideoNeighboursTest {

  private static final int DIM = 384;
  private static final int VIDEOS = 1_500;
  private static final Instant NOW = Instant.now();

  private static Database db;
  private static VideoEmbeddingRepository embeddings;
  /** Per video: its creator, and whether it counts as published. */
  private static final Map<String, String> creators = new HashMap<>();
  private static final Map<String, Boolean> published = new HashMap<>();

  @BeforeAll
  static void catalog() {
    db = TestDatabase.fresh();
    embeddings = new VideoEmbeddingRepository(db.dataSource());
    Random random = new Random(7);
    new Transactions(db.dataSource()).inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO videos (video_id, creator_id, title, language,"
          + " published_at, content_hash) VALUES (?, ?, ?, 'en', ?, 'h')")) {
        for (int i = 0; i < VIDEOS; i++) {
          String id = String.format("n%04d", i);
          String creator = i % 20 == 0 ? "c-a" : "c-" + (i % 7);
          // One in ten published; one in fifty has a publication time still in the future.
          Instant at = i % 10 == 3 ? NOW.minusSeconds(3_600) : i % 50 == 7 ? NOW.plusSeconds(86_400) : null;
          creators.put(id, creator);
          published.put(id, at != null && at.isBefore(NOW));
          ps.setString(1, id);
          ps.setString(2, creator);
          ps.setString(3, "video " + i);
          ps.setTimestamp(4, at == null ? null : Timestamp.from(at));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      for (int i = 0; i < VIDEOS; i++) {
        VideoEmbeddingRepository.upsert(c, String.format("n%04d", i), "h", new VideoEmbedding("m", DIM, unit(random)));
      }
      return null;
    });
    TestSql.execute(db.dataSource(), "ANALYZE video_embeddings");
    TestSql.execute(db.dataSource(), "ANALYZE videos");
  }

  @AfterAll
  static void close() {
    TestDatabase.truncate(db);
    db.close();
  }

  @Test
  void askingForMoreThanTheIndexsDefaultCandidatesGetsThemAll() {
    List<SimilarVideo> near = embeddings.similar("n0000", "m", 100);

    assertThat(near).hasSize(100);
    assertThat(near).extracting(SimilarVideo::videoId).doesNotContain("n0000").doesNotHaveDuplicates();
    for (int i = 1; i < near.size(); i++) {
      assertThat(near.get(i).similarity()).isLessThanOrEqualTo(near.get(i - 1).similarity());
    }
  }

  @Test
  void aCreatorIsShownPublishedVideosAndTheirOwnOnlyAndStillAsManyAsAsked() {
    List<SimilarVideo> near = embeddings.similarPublishedOrOf("n0001", "m", 30, "c-a");

    assertThat(near).hasSize(30);
    assertThat(near).allSatisfy(s -> assertThat(published.get(s.videoId()) || creators.get(s.videoId()).equals("c-a"))
        .as(s.videoId()).isTrue());
    assertThat(near).extracting(SimilarVideo::videoId).as("both kinds come through")
        .anyMatch(id -> creators.get(id).equals("c-a") && !published.get(id))
        .anyMatch(id -> !creators.get(id).equals("c-a"));
    for (int i = 1; i < near.size(); i++) {
      assertThat(near.get(i).similarity()).isLessThanOrEqualTo(near.get(i - 1).similarity());
    }
    assertThat(embeddings.similarPublishedOrOf("n0001", "m", 30, null))
        .as("no creator: published videos only").allSatisfy(s -> assertThat(published.get(s.videoId())).isTrue());
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIM];
    double norm = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < DIM; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
