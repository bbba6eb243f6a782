package io.tagcf.batch;

import io.tagcf.activities.embedding.OnnxEmbedder;
import io.tagcf.activities.embedding.OnnxModelSpec;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.tagging.TaggingReference;
import io.tagcf.models.tagging.neighbours.ExemplarIndex;
import io.tagcf.models.tagging.reference.ReferenceCaptions;
import io.tagcf.models.tagging.text.CaptionNoise;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagVocabulary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX embedder and the seed vocabulary embedded in memory, for tools that run without the
 * database. Both are loaded once per process and kept: the CLI runs one command per process, but
 * tests and benchmarks run many, and loading costs seconds each time.
 */
public final class LocalModels {

  private static final Map<OnnxModelSpec, OnnxEmbedder> EMBEDDERS = new EnumMap<>(OnnxModelSpec.class);
  private static final Map<OnnxModelSpec, List<EmbeddedTag>> VOCABULARIES = new EnumMap<>(OnnxModelSpec.class);
  private static final Map<OnnxModelSpec, TaggingReference> REFERENCES = new EnumMap<>(OnnxModelSpec.class);

  private LocalModels() {}

  /** The embedder named by {@code TAGCF_EMBEDDING_MODEL}. */
  public static synchronized OnnxEmbedder embedder(String modelName) {
    return EMBEDDERS.computeIfAbsent(requireKnown(modelName), OnnxEmbedder::load);
  }

  /** Fails with one line unless {@code TAGCF_EMBEDDING_MODEL} names a packaged model. */
  public static OnnxModelSpec requireKnown(String modelName) {
    try {
      return OnnxModelSpec.byName(modelName);
    } catch (IllegalArgumentException e) {
      throw new InputException("TAGCF_EMBEDDING_MODEL: " + e.getMessage());
    }
  }

  /**
   * The seed vocabulary with the vectors the worker stores for it (profile text and both labels),
   * embedded one text per call as the worker does: the default model is dynamically quantized, so
   * a vector depends on the other texts of its batch (by up to 0.04 per component, measured), and
   * only single calls give the offline tagger here exactly the platform's tags. Entries are
   * embedded on all cores: one short text keeps ONNX Runtime's own threads only partly busy.
   */
  public static synchronized List<EmbeddedTag> seedVocabulary(String modelName) {
    OnnxEmbedder embedder = embedder(modelName);
    return VOCABULARIES.computeIfAbsent(requireKnown(modelName), s -> TagVocabulary.seed().entries()
        .parallelStream()
        .map(e -> new EmbeddedTag(0, e, embedder.embedOne(e.profileText()), embedder.embedOne(e.en()), embedder.embedOne(e.zh())))
        .toList());
  }

  /**
   * The offline tagger with the bundled reference captions as its labelled neighbours, as the
   * worker has it by default ({@link #bundledReference}); zero-shot when the settings ask for no
   * neighbours ({@code TAGCF_TAG_NEIGHBOURS=0}).
   */
  public static OfflineTagger offlineTagger(String modelName, OfflineTagger.Settings settings) {
    return offlineTagger(modelName, settings, settings.neighbours() == 0 ? TaggingReference.NONE : bundledReference(modelName));
  }

  public static OfflineTagger offlineTagger(String modelName, OfflineTagger.Settings settings, TaggingReference reference) {
    return new OfflineTagger(embedder(modelName), seedVocabulary(modelName), settings, reference);
  }

  /** The bundled KuaiRec half as an in-memory reference, embedded once per process (seconds). */
  public static synchronized TaggingReference bundledReference(String modelName) {
    return REFERENCES.computeIfAbsent(requireKnown(modelName), s -> reference(modelName, ReferenceCaptions.bundled()));
  }

  /** {@code captions} as an in-memory reference: boilerplate learned, voters embedded in parallel. */
  public static TaggingReference reference(String modelName, ReferenceCaptions captions) {
    CaptionNoise noise = captions.noise();
    return TaggingReference.calibrated(new ExemplarIndex(captions.exemplars(noise, embedder(modelName)::embedOne)), noise);
  }
}
