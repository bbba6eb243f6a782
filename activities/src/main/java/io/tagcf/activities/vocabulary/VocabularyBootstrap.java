package io.tagcf.activities.vocabulary;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.store.tags.TagRepository;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the seed vocabulary is in the database with embeddings from the configured model.
 * Runs at worker start; a no-op when this version is already loaded for this model.
 */
public final class VocabularyBootstrap {

  private static final Logger log = LoggerFactory.getLogger(VocabularyBootstrap.class);

  private final TagRepository tags;
  private final Embedder embedder;

  public VocabularyBootstrap(TagRepository tags, Embedder embedder) {
    this.tags = tags;
    this.embedder = embedder;
  }

  /** Returns true when it loaded the vocabulary, false when it was already there. */
  public boolean ensureLoaded(TagVocabulary vocabulary) {
    String model = embedder.model().name();
    if (tags.isVocabularyLoaded(vocabulary.version(), model)) {
      return false;
    }
    long start = System.nanoTime();
    List<VocabularyEntry> entries = vocabulary.entries();
    List<String> texts = new ArrayList<>(entries.size() * 3);
    for (VocabularyEntry e : entries) {
      texts.add(e.profileText());
      texts.add(e.en());
      texts.add(e.zh());
    }
    // One text per call: the stored vectors must not depend on what else was in a batch.
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String t : texts) {
      vectors.add(embedder.embedOne(t));
    }
    List<EmbeddedTag> embedded = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      embedded.add(
          new EmbeddedTag(0, entries.get(i), vectors.get(3 * i), vectors.get(3 * i + 1), vectors.get(3 * i + 2)));
    }
    tags.loadVocabulary(vocabulary.version(), model, embedder.model().dimension(), embedded);
    log.info(
        "loaded vocabulary {} ({} tags) with {} embeddings in {} ms",
        vocabulary.version(), entries.size(), model, (System.nanoTime() - start) / 1_000_000);
    return true;
  }
}
