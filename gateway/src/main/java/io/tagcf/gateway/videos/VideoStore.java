package io.tagcf.gateway.videos;

import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.video.CreatorMismatchException;
import io.tagcf.store.video.CreatorVideo;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.store.video.UploadDecision;
import java.util.List;
import java.util.Optional;

/** The videos the gateway stores and reads: its port to the database. Every method blocks. */
public interface VideoStore {

  /**
   * Stores an upload and decides, atomically, whether it needs ingesting.
   *
   * @throws CreatorMismatchException when the video id belongs to another creator
   */
  UploadDecision recordUpload(VideoSubmission video, String contentHash, String workflowId);

  Optional<StoredVideo> find(String videoId);

  /** The video's tags of both kinds, by kind and rank. */
  List<VideoTag> tagsOf(String videoId);

  /**
   * The {@code k} videos nearest to {@code videoId} by the embedding model the gateway serves,
   * most similar first; empty while the video has no embedding.
   *
   * @param creatorId null: among every video (service and admin keys); else among published
   *     videos and this creator's own (a creator key must not crawl unpublished work)
   */
  List<SimilarVideo> nearest(String videoId, int k, String creatorId);

  /** A creator's videos, newest first, {@code limit} from {@code offset}. */
  List<CreatorVideo> ofCreator(String creatorId, int offset, int limit);

  long countOfCreator(String creatorId);
}
