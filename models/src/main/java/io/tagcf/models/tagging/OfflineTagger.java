package io.tagcf.models.tagging;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.UnitVectors;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tagger that needs no LLM: the whole video text and its candidate phrases are embedded
 * and compared with every vocabulary tag (the text with the tag's profile, each phrase
 * with its labels); with literal keyword hits this gives a score in [0, 1] per tag (see
 * {@link TagScore}). Tags below {@link Settings#minScore()} are dropped; at most
 * {@code maxItemTags} / {@code maxAudienceTags} of the best are kept.
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
      return new Settings(10, 8, 0.5, 6);
    }
  }

  private final Embedder embedder;
  private final Settings settings;
  private final List<ScoredTagSpace.Tag> items;
  private final List<ScoredTagSpace.Tag> audiences;
  /** Cosine similarity of each item tag's profile to each audience tag's profile. */
  private final double[][] itemToAudience;
  private final TagHubness itemHubs;
  private final TagHubness audienceHubs;

  public OfflineTagger(Embedder embedder, List<EmbeddedTag> vocabulary, Settings settings) {
    this.embedder = embedder;
    this.settings = settings;
    this.items = ScoredTagSpace.of(vocabulary, TagKind.ITEM);
    this.audiences = ScoredTagSpace.of(vocabulary, TagKind.AUDIENCE);
    if (items.isEmpty() || audiences.isEmpty()) {
      throw new IllegalArgumentException("the vocabulary needs item and audience tags");
    }
    this.itemHubs = TagHubness.of(items);
    this.audienceHubs = TagHubness.of(audiences);
    this.itemToAudience = new double[items.size()][audiences.size()];
    for (int i = 0; i < items.size(); i++) {
      for (int a = 0; a < audiences.size(); a++) {
        itemToAudience[i][a] =
            UnitVectors.cosine(items.get(i).vectors().profile(), audiences.get(a).vectors().profile());
      }
    }
  }

  public TagExtraction tag(VideoSubmission v) {
    String text = VideoText.of(v);
    // The whole text goes alone: batched with short phrases it would be padded to its own
    // length, and alone it is the exact vector the embedding step stores (and may cache).
    float[] doc = embedder.embedOne(text);
    List<String> phrases = CandidatePhrases.of(v, settings.maxPhrases());
    List<float[]> phraseVectors = phrases.isEmpty() ? List.of() : embedder.embedBatch(phrases);
    TextTerms terms = new TextTerms(literalText(v));
    boolean chinese =
        v.language() != null ? v.language().toLowerCase(Locale.ROOT).startsWith("zh")
            : "zh".equals(LanguageDetector.detect(text));
    double[] itemScores = scores(items, itemHubs, chinese, doc, phraseVectors, terms, null);
    double[] audienceScores =
        scores(audiences, audienceHubs, chinese, doc, phraseVectors, terms, audienceAffinity(itemScores));
    return new TagExtraction(
        best(items, itemScores, chinese, settings.maxItemTags()),
        best(audiences, audienceScores, chinese, settings.maxAudienceTags()),
        TaggerKind.OFFLINE,
        "onnx",
        embedder.model().name(),
        VERSION,
        null);
  }

  private static double[] scores(
      List<ScoredTagSpace.Tag> space, TagHubness hubs, boolean chinese, float[] doc, List<float[]> phrases,
      TextTerms terms, double[] affinity) {
    int n = space.size();
    double[] docSim = new double[n];
    double[] phraseSim = new double[n];
    int[] hits = new int[n];
    for (int i = 0; i < n; i++) {
      EmbeddedTag t = space.get(i).vectors();
      docSim[i] = UnitVectors.cosine(doc, t.profile());
      for (float[] p : phrases) {
        phraseSim[i] = Math.max(phraseSim[i], UnitVectors.cosine(p, t.labelEn()));
        phraseSim[i] = Math.max(phraseSim[i], UnitVectors.cosine(p, t.labelZh()));
      }
      hits[i] = space.get(i).matcher().hits(terms);
    }
    hubs.correct(docSim, phraseSim, chinese);
    return TagScore.scores(docSim, phraseSim, hits, affinity);
  }

  /**
   * For each audience tag, how close its profile is to the video's assigned item tags: a cat
   * video speaks to cat lovers even when no audience word occurs in its text. A one-step version
   * of the paper's item-to-role (I2U) relation, from tag embeddings alone.
   */
  private double[] audienceAffinity(double[] itemScores) {
    double[] affinity = new double[audiences.size()];
    for (int i = 0; i < itemScores.length; i++) {
      if (itemScores[i] < settings.minScore()) {
        continue;
      }
      for (int a = 0; a < affinity.length; a++) {
        affinity[a] = Math.max(affinity[a], itemToAudience[i][a] * itemScores[i]);
      }
    }
    return affinity;
  }

  private List<RawTag> best(List<ScoredTagSpace.Tag> space, double[] scores, boolean chinese, int max) {
    List<RawTag> scored = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= settings.minScore()) {
        VocabularyEntry e = space.get(i).vectors().entry();
        scored.add(new RawTag(chinese ? e.zh() : e.en(), e.kind(), scores[i]));
      }
    }
    scored.sort(Comparator.comparingDouble(RawTag::score).reversed());
    return scored.subList(0, Math.min(max, scored.size()));
  }

  /** All of the video's text, for literal keyword matching. */
  private static String literalText(VideoSubmission v) {
    StringBuilder sb = new StringBuilder(v.title());
    for (String f : new String[] {v.coverText(), v.description(), v.transcript()}) {
      if (f != null) {
        sb.append('\n').append(f);
      }
    }
    return sb.toString();
  }
}
