package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.videos.VideoStore;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.embedding.VideoEmbeddingRepository;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.tags.VideoTagRepository;
import io.tagcf.store.video.CreatorVideo;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.store.video.UploadDecision;
import io.tagcf.store.video.VideoRepository;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The gateway's videos in PostgreSQL; neighbours by the embedding model the platform runs. */
public final class JdbcVideoStore implements VideoStore {

  private final VideoRepository videos;
  private final VideoTagRepository tags;
  private final VideoEmbeddingRepository embeddings;
  private final String embeddingModel;

  public JdbcVideoStore(DataSource dataSource, String embeddingModel) {
    this.videos = new VideoRepository(dataSource);
    this.tags = new VideoTagRepository(dataSource);
    this.embeddings = new VideoEmbeddingRepository(dataSource);
    this.embeddingModel = embeddingModel;
  }

  @Override
  public UploadDecision recordUpload(VideoSubmission video, String contentHash, String workflowId) {
    return videos.upsertForIngest(video, contentHash, workflowId);
  }

  @Override
  public Optional<StoredVideo> find(String videoId) {
    return videos.find(videoId);
  }

  @Override
  public List<VideoTag> tagsOf(String videoId) {
    return tags.tagsOf(videoId);
  }

  @Override
  public List<SimilarVideo> nearest(String videoId, int k, String creatorId) {
    return creatorId == null ? embeddings.similar(videoId, embeddingModel, k)
        : embeddings.similarPublishedOrOf(videoId, embeddingModel, k, creatorId);
  }

  @Override
  public List<CreatorVideo> ofCreator(String creatorId, int offset, int limit) {
    return videos.ofCreator(creatorId, offset, limit);
  }

  @Override
  public long countOfCreator(String creatorId) {
    return videos.countOfCreator(creatorId);
  }
}
