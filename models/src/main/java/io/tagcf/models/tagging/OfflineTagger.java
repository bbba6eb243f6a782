package io.tagcf.models.tagging;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.UnitVectors;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tagger that needs no LLM: candidate phrases of the video and the whole video text are
 * embedded once, compared with every vocabulary tag's embeddings, and combined with literal
 * keyword hits into a score in [0, 1]. Tags below {@link Settings#minScore()} are dropped; at
 * most {@code maxItemTags} / {@code maxAudienceTags} of the best are kept.
 */
public final class OfflineTagger {

  /** Version of this algorithm, stored as the "prompt version" of its tags. */
  public static final String VERSION = "offline-v1";

  /**
   * Tuning of the tagger.
   *
   * @param minScore tags scoring below this are not assigned
   * @param maxPhrases candidate phrases embedded per video, besides the whole text
   */
  public record Settings(int maxItemTags, int maxAudienceTags, double minScore, int maxPhrases) {
    public Settings {
      if (maxItemTags < 1 || maxAudienceTags < 1 || maxPhrases < 0) {
        throw new IllegalArgumentException("tag and phrase limits must be positive");
      }
      if (!(minScore >= 0 && minScore < 1)) {
        throw new IllegalArgumentException("minScore must be in [0, 1): " + minScore);
      }
    }

    public static Settings defaults() {
      return new Settings(10, 8, 0.5, 12);
    }
  }

  private final Embedder embedder;
  private final Settings settings;
  private final List<ScoredTagSpace.Tag> items;
  private final List<ScoredTagSpace.Tag> audiences;

  public OfflineTagger(Embedder embedder, List<EmbeddedTag> vocabulary, Settings settings) {
    this.embedder = embedder;
    this.settings = settings;
    this.items = ScoredTagSpace.of(vocabulary, TagKind.ITEM);
    this.audiences = ScoredTagSpace.of(vocabulary, TagKind.AUDIENCE);
    if (items.isEmpty() || audiences.isEmpty()) {
      throw new IllegalArgumentException("the vocabulary needs item and audience tags");
    }
  }

  public TagExtraction tag(VideoSubmission v) {
    String text = VideoText.of(v);
    List<String> phrases = CandidatePhrases.of(v, settings.maxPhrases());
    List<String> inputs = new ArrayList<>(1 + phrases.size());
    inputs.add(text);
    inputs.addAll(phrases);
    List<float[]> vectors = embedder.embedBatch(inputs);
    float[] doc = vectors.get(0);
    List<float[]> phraseVectors = vectors.subList(1, vectors.size());
    String lower = literalText(v);
    boolean chinese =
        v.language() != null ? v.language().toLowerCase(Locale.ROOT).startsWith("zh")
            : "zh".equals(LanguageDetector.detect(text));
    return new TagExtraction(
        best(items, doc, phraseVectors, lower, chinese, settings.maxItemTags()),
        best(audiences, doc, phraseVectors, lower, chinese, settings.maxAudienceTags()),
        TaggerKind.OFFLINE,
        embedder.model().name(),
        VERSION,
        null);
  }

  private List<RawTag> best(
      List<ScoredTagSpace.Tag> space, float[] doc, List<float[]> phrases, String lower,
      boolean chinese, int max) {
    List<RawTag> scored = new ArrayList<>();
    for (ScoredTagSpace.Tag t : space) {
      double docSim = UnitVectors.cosine(doc, t.vectors().profile());
      double phraseSim = 0;
      for (float[] p : phrases) {
        phraseSim = Math.max(phraseSim, UnitVectors.cosine(p, t.vectors().labelEn()));
        phraseSim = Math.max(phraseSim, UnitVectors.cosine(p, t.vectors().labelZh()));
      }
      double score = TagScore.combine(docSim, phraseSim, t.matcher().hits(lower));
      if (score >= settings.minScore()) {
        String label = chinese ? t.vectors().entry().zh() : t.vectors().entry().en();
        scored.add(new RawTag(label, t.vectors().entry().kind(), score));
      }
    }
    scored.sort(Comparator.comparingDouble(RawTag::score).reversed());
    return scored.subList(0, Math.min(max, scored.size()));
  }

  /** All of the video's text, lower-cased, for literal keyword matching. */
  private static String literalText(VideoSubmission v) {
    StringBuilder sb = new StringBuilder(v.title());
    for (String f : new String[] {v.coverText(), v.description(), v.transcript()}) {
      if (f != null) {
        sb.append('\n').append(f);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
