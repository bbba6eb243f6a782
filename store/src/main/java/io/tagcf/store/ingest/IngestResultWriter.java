package io.tagcf.store.ingest;

import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.store.Transactions;
import io.tagcf.store.embedding.VideoEmbeddingRepository;
import io.tagcf.store.exemplars.LabelExemplarRepository;
import io.tagcf.store.tags.VideoTagRepository;
import io.tagcf.store.video.VideoRepository;
import javax.sql.DataSource;

/**
 * Writes the outcome of one ingest run: tags, embedding and the final stage together, so that a
 * reader never sees a half-ingested video, and only if the video still has the content the run
 * worked on.
 */
public final class IngestResultWriter {

  private final Transactions tx;

  public IngestResultWriter(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Returns false, writing nothing, when the video's content changed since the run began. */
  public boolean write(
      String videoId, String contentHash, NormalisedTags tags, VideoEmbedding embedding) {
    return tx.inTransaction(c -> {
      if (!VideoRepository.lockIfCurrent(c, videoId, contentHash)) {
        return false;
      }
      VideoTagRepository.replace(c, videoId, contentHash, tags);
      VideoEmbeddingRepository.upsert(c, videoId, contentHash, embedding);
      LabelExemplarRepository.replaceVideo(c, videoId, tags.tagger() == TaggerKind.LLM, embedding.model(),
          embedding.dimension(), embedding.vector());
      VideoRepository.advanceStage(c, videoId, contentHash, IngestStage.DONE, null);
      return true;
    });
  }
}
