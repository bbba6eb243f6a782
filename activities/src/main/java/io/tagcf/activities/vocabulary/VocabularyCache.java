package io.tagcf.activities.vocabulary;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.tagging.TaggingReference;
import io.tagcf.store.tags.TagRepository;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The offline tagger over the vocabulary as stored, rebuilt at most once per refresh interval so
 * that tagging does not read every tag embedding per video, yet picks up vocabulary changes.
 */
public final class VocabularyCache {

  private final TagRepository tags;
  private final Embedder embedder;
  private final OfflineTagger.Settings settings;
  private final TaggingReference reference;
  private final long refreshNanos;
  private final LongSupplier clock;
  private OfflineTagger tagger;
  private long loadedAt;

  public VocabularyCache(
      TagRepository tags, Embedder embedder, OfflineTagger.Settings settings, TaggingReference reference,
      Duration refresh) {
    this(tags, embedder, settings, reference, refresh, System::nanoTime);
  }

  VocabularyCache(
      TagRepository tags, Embedder embedder, OfflineTagger.Settings settings, TaggingReference reference,
      Duration refresh, LongSupplier clock) {
    this.tags = tags;
    this.reference = reference;
    this.embedder = embedder;
    this.settings = settings;
    this.refreshNanos = refresh.toNanos();
    this.clock = clock;
  }

  public synchronized OfflineTagger offlineTagger() {
    long now = clock.getAsLong();
    if (tagger == null || now - loadedAt > refreshNanos) {
      tagger = new OfflineTagger(embedder, tags.vocabularyVectors(embedder.model().name()), settings, reference);
      loadedAt = now;
    }
    return tagger;
  }
}
