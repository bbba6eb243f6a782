package io.tagcf.gateway.fakes;

import io.tagcf.gateway.videos.VideoStore;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.video.CreatorMismatchException;
import io.tagcf.store.video.CreatorVideo;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.store.video.UploadDecision;
import io.tagcf.store.video.UploadDecision.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Videos in memory, deciding uploads by the rules of VideoRepository. */
public final class InMemoryVideoStore implements VideoStore {

  public static final Instant NOW = Instant.parse("2026-10-03T12:00:00Z");

  private final CallingThreads threads;
  private final Map<String, StoredVideo> videos = new ConcurrentHashMap<>();
  private final Map<String, List<VideoTag>> tags = new ConcurrentHashMap<>();
  private final Map<String, List<SimilarVideo>> neighbours = new ConcurrentHashMap<>();
  private final List<Integer> requestedK = new CopyOnWriteArrayList<>();
  private final Map<String, Long> revisions = new ConcurrentHashMap<>();
  private final List<String> nearestFor = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  public InMemoryVideoStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void put(StoredVideo video) {
    videos.put(video.video().videoId(), video);
  }

  public void putTags(String videoId, List<VideoTag> videoTags) {
    tags.put(videoId, List.copyOf(videoTags));
  }

  public void putNeighbours(String videoId, List<SimilarVideo> similar) {
    neighbours.put(videoId, List.copyOf(similar));
  }

  /** Moves a stored video to {@code stage}, as the ingest workflow would. */
  public void setStage(String videoId, IngestStage stage) {
    videos.computeIfPresent(videoId, (id, v) ->
        new StoredVideo(v.video(), v.contentHash(), stage, v.workflowId(), v.error(), v.createdAt(), v.updatedAt()));
  }

  /** Every later call throws {@code e}, as a database that went away would. */
  public void failWith(RuntimeException e) {
    failure = e;
  }

  /** What is stored, read without counting as a call of the gateway. */
  public Optional<StoredVideo> stored(String videoId) {
    return Optional.ofNullable(videos.get(videoId));
  }

  /** The {@code k} of each nearest-neighbour query, in order. */
  /** Whose view each neighbour search was for: a creator id, or "every video". */
  public List<String> nearestFor() {
    return List.copyOf(nearestFor);
  }

  public List<Integer> requestedK() {
    return List.copyOf(requestedK);
  }

  @Override
  public synchronized UploadDecision recordUpload(VideoSubmission video, String contentHash, String workflowId) {
    call("videos.recordUpload");
    StoredVideo stored = videos.get(video.videoId());
    if (stored == null) {
      queue(video, contentHash, workflowId, NOW);
      revisions.put(video.videoId(), 1L);
      return new UploadDecision(Kind.CREATED, IngestStage.QUEUED, 1);
    }
    if (!stored.video().creatorId().equals(video.creatorId())) {
      throw new CreatorMismatchException(video.videoId());
    }
    if (!stored.contentHash().equals(contentHash)) {
      queue(video, contentHash, workflowId, stored.createdAt());
      return new UploadDecision(Kind.CHANGED, IngestStage.QUEUED, revisions.merge(video.videoId(), 1L, Long::sum));
    }
    if (stored.stage() == IngestStage.FAILED) {
      queue(video, contentHash, workflowId, stored.createdAt());
      return new UploadDecision(Kind.REQUEUED, IngestStage.QUEUED, revisions.getOrDefault(video.videoId(), 1L));
    }
    if (stored.stage() == IngestStage.DONE) {
      return new UploadDecision(Kind.UNCHANGED, stored.stage(), revisions.getOrDefault(video.videoId(), 1L));
    }
    return new UploadDecision(Kind.RESUMED, stored.stage(), revisions.getOrDefault(video.videoId(), 1L));
  }

  @Override
  public Optional<StoredVideo> find(String videoId) {
    call("videos.find");
    return Optional.ofNullable(videos.get(videoId));
  }

  @Override
  public List<VideoTag> tagsOf(String videoId) {
    call("videos.tagsOf");
    return tags.getOrDefault(videoId, List.of());
  }

  @Override
  public List<SimilarVideo> nearest(String videoId, int k, String creatorId) {
    call("videos.nearest");
    requestedK.add(k);
    nearestFor.add(creatorId == null ? "every video" : creatorId);
    return neighbours.getOrDefault(videoId, List.of()).stream().limit(k).toList();
  }

  @Override
  public List<CreatorVideo> ofCreator(String creatorId, int offset, int limit) {
    call("videos.ofCreator");
    return mine(creatorId).skip(offset).limit(limit)
        .map(v -> new CreatorVideo(v.video().videoId(), v.video().title(), v.video().language(), v.stage(),
            v.createdAt(), v.updatedAt()))
        .toList();
  }

  @Override
  public long countOfCreator(String creatorId) {
    call("videos.countOfCreator");
    return mine(creatorId).count();
  }

  /** A creator's videos, newest first, then by id, as the store orders them. */
  private java.util.stream.Stream<StoredVideo> mine(String creatorId) {
    return videos.values().stream().filter(v -> v.video().creatorId().equals(creatorId))
        .sorted(java.util.Comparator.comparing(StoredVideo::createdAt).reversed()
            .thenComparing(v -> v.video().videoId()));
  }

  private void queue(VideoSubmission video, String contentHash, String workflowId, Instant createdAt) {
    videos.put(video.videoId(),
        new StoredVideo(video, contentHash, IngestStage.QUEUED, workflowId, null, createdAt, NOW));
  }

  private void call(String name) {
    threads.record(name);
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
  }
}
