package io.tagcf.gateway.explanations;

import io.tagcf.gateway.access.Principals;
import io.tagcf.gateway.http.DependencyLane;
import io.tagcf.gateway.http.RememberedAnswers;
import io.tagcf.gateway.videos.VideoStore;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Explanation reads as the API answers them, remembered for at most {@link #REMEMBERED}. An
 * explanation is written once per (video, snapshot, language) and creators read theirs again and
 * again (the web page, refreshes), so a remembered answer is served on the event loop, already
 * encoded, with no query. Only found explanations are remembered: a missing video or a 409 goes to
 * the database each time, so that a refresh's result shows as soon as it is stored. A video's
 * creator never changes (an upload naming another is refused), so the remembered owner is safe.
 */
final class ExplanationReads {

  /** How long an answer is remembered: the longest a newly published snapshot's explanation waits to show. */
  static final Duration REMEMBERED = Duration.ofSeconds(5);
  /** Bounds the memory the bodies take (about 2-6 KB each). */
  private static final long MAX_BYTES = 64L << 20;

  /** The language asked for; null for the video's own. */
  private record Key(String videoId, String language) {}

  /**
   * One answer: the video's owner, for the caller's check, and the body; an empty body when the
   * video has no explanation in that language yet (never remembered).
   */
  record Answer(String ownerId, String videoId, String language, Optional<Buffer> body) {}

  private final VideoStore videos;
  private final ExplanationStore explanations;
  private final RememberedAnswers<Key, Answer> answers;

  ExplanationReads(Vertx vertx, DependencyLane lane, VideoStore videos, ExplanationStore explanations) {
    this.videos = videos;
    this.explanations = explanations;
    this.answers = new RememberedAnswers<>(vertx, lane, REMEMBERED, MAX_BYTES,
        a -> 64 + a.body().map(Buffer::length).orElse(0), a -> a.body().isPresent(),
        k -> load(k.videoId(), k.language()));
  }

  /**
   * The answer for this video and language (null: the video's own). Fails with the 404 of a
   * missing video when there is none; the caller checks the owner.
   */
  Future<Answer> read(String videoId, String language) {
    return answers.get(new Key(videoId, language));
  }

  private Answer load(String videoId, String requested) {
    StoredVideo video = videos.find(videoId).orElseThrow(() -> Principals.notFound(videoId));
    String language = requested != null ? requested : ownLanguage(video);
    return new Answer(video.video().creatorId(), videoId, language, explanations.latest(videoId, language)
        .map(e -> ExplanationJson.explanation(e).toBuffer()));
  }

  /** zh for a Chinese video, en for anything else. */
  static String ownLanguage(StoredVideo video) {
    String own = video.video().language();
    return own != null && own.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
  }
}
