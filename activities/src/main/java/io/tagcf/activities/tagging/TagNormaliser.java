package io.tagcf.activities.tagging;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.store.tags.TagMatch;
import io.tagcf.store.tags.TagRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each raw tag onto the vocabulary: an exact label match first; otherwise the nearest tag of
 * the same kind by label embedding in pgvector, merged if the cosine similarity reaches the
 * threshold; otherwise the label becomes a new {@code candidate} tag. A candidate is a merge
 * target only once released (the repository's {@code CandidateQuarantine}): before, only the same
 * word (its slug) reaches it, so one creator's label cannot absorb other creators' tags.
 */
public final class TagNormaliser {

  /** Default merge threshold for the bge-small models, whose unrelated pairs sit near 0.5. */
  public static final double DEFAULT_THRESHOLD = 0.85;

  private final TagRepository tags;
  private final Embedder embedder;
  private final double threshold;

  public TagNormaliser(TagRepository tags, Embedder embedder, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("normalisation threshold must be in (0, 1]: " + threshold);
    }
    this.tags = tags;
    this.embedder = embedder;
    this.threshold = threshold;
  }

  public NormalisedTags normalise(TagExtraction extraction) {
    List<NormalisedTag> out = new ArrayList<>();
    List<RawTag> unmatched = new ArrayList<>();
    for (List<RawTag> ofKind : List.of(extraction.itemTags(), extraction.audienceTags())) {
      if (ofKind.isEmpty()) {
        continue;
      }
      Map<String, TagMatch> exact =
          tags.exactLabels(ofKind.get(0).kind(), ofKind.stream().map(RawTag::label).toList());
      for (RawTag r : ofKind) {
        TagMatch m = exact.get(r.label());
        if (m != null) {
          out.add(normalised(r, m, false));
        } else {
          unmatched.add(r);
        }
      }
    }
    if (!unmatched.isEmpty()) {
      List<float[]> vectors = embedder.embedBatch(unmatched.stream().map(RawTag::label).toList());
      String model = embedder.model().name();
      for (int i = 0; i < unmatched.size(); i++) {
        RawTag r = unmatched.get(i);
        float[] v = vectors.get(i);
        Optional<TagMatch> near = tags.nearestLabel(r.kind(), model, v);
        if (near.isPresent() && near.get().similarity() >= threshold) {
          out.add(normalised(r, near.get(), false));
        } else {
          TagMatch created =
              tags.addCandidate(r.kind(), r.label(), LanguageDetector.detect(r.label()), model, v);
          out.add(normalised(r, created, true));
        }
      }
    }
    return new NormalisedTags(
        out, extraction.tagger(), extraction.provider(), extraction.model(), extraction.promptVersion(),
        extraction.fallbackReason());
  }

  private static NormalisedTag normalised(RawTag r, TagMatch m, boolean newCandidate) {
    return new NormalisedTag(m.tagId(), r.kind(), m.slug(), r.label(), r.score(), m.similarity(), newCandidate);
  }
}
