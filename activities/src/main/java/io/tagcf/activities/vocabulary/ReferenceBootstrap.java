package io.tagcf.activities.vocabulary;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.tagging.TaggingReference;
import io.tagcf.models.tagging.neighbours.LabelledExemplar;
import io.tagcf.models.tagging.reference.ReferenceCaptions;
import io.tagcf.models.tagging.text.CaptionNoise;
import io.tagcf.store.exemplars.LabelExemplarRepository;
import io.tagcf.store.exemplars.PgLabelledNeighbours;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the bundled reference captions are in pgvector as labelled exemplars for the
 * configured model (once per database and model: a few thousand short texts, seconds), and gives
 * the offline tagger its reference: those exemplars, and the boilerplate learned from the
 * captions.
 */
public final class ReferenceBootstrap {

  /** Source name of the bundled KuaiRec half in {@code label_exemplars}. */
  public static final String SOURCE = "kuairec-even";
  /** Bump when the exemplars' text or labels change, so that databases reload them. */
  public static final String VERSION = "v1";

  private static final Logger log = LoggerFactory.getLogger(ReferenceBootstrap.class);

  private final LabelExemplarRepository exemplars;
  private final Embedder embedder;

  public ReferenceBootstrap(LabelExemplarRepository exemplars, Embedder embedder) {
    this.exemplars = exemplars;
    this.embedder = embedder;
  }

  /** Loads the exemplars when missing and returns the reference the tagger should use. */
  public TaggingReference ensureLoaded() {
    ReferenceCaptions captions = ReferenceCaptions.bundled();
    CaptionNoise noise = captions.noise();
    String model = embedder.model().name();
    if (!exemplars.isLoaded(SOURCE, model, VERSION)) {
      long start = System.nanoTime();
      // on every core: the worker is not serving yet
      List<LabelledExemplar> loaded = captions.exemplars(noise, embedder::embedOne);
      exemplars.load(SOURCE, model, VERSION, embedder.model().dimension(), loaded);
      log.info("loaded {} labelled exemplars ({}) with {} embeddings in {} ms", loaded.size(), SOURCE, model,
          (System.nanoTime() - start) / 1_000_000);
    }
    return TaggingReference.calibrated(new PgLabelledNeighbours(exemplars, model), noise);
  }
}
