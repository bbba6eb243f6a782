package io.tagcf.models.tagging;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.UnitVectors;
import io.tagcf.models.tagging.neighbours.NeighbourVotes;
import io.tagcf.models.tagging.text.CaptionMarks;
import io.tagcf.models.tagging.text.DocumentText;
import io.tagcf.models.tagging.text.KeyPhrases;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tagger that needs no LLM: the whole video text and its candidate phrases are embedded
 * and compared with every vocabulary tag (the text with the tag's profile, each phrase
 * with its labels); with literal keyword hits and the votes of the nearest labelled videos
 * ({@link TaggingReference}) this gives a score in [0, 1] per tag (see {@link TagScore}). Tags
 * below {@link Settings#minScore()} are dropped; at most {@code maxItemTags} /
 * {@code maxAudienceTags} of the best are kept, and never fewer than {@link #MIN_ITEM_TAGS} item
 * tags and {@link #MIN_AUDIENCE_TAGS} audience tag: key-phrase candidates and then the best of
 * the rest fill up, with their low scores (docs/TAGGING.md).
 */
public final class OfflineTagger {

  /** Version of this algorithm, stored as the "prompt version" of its tags. */
  public static final String VERSION = "offline-v2";

  /** Every video gets at least this many item tags and one audience tag. */
  public static final int MIN_ITEM_TAGS = 3;
  public static final int MIN_AUDIENCE_TAGS = 1;
  /**
   * Score of the first candidate tag made of a key phrase, each later one a step less: a guess from
   * the text's own words, below what calibrated vocabulary tags that fit score.
   */
  static final double CANDIDATE_SCORE = 0.1;
  static final double CANDIDATE_SCORE_STEP = 0.01;

  /** Letters a text needs before its neighbours may vote ({@link #hasWords}). */
  static final int MIN_LETTERS_TO_VOTE = 2;
  /** Similarity gap to the nearest neighbour at which a neighbour's vote weighs 1/e as much. */
  static final double VOTE_TEMPERATURE = 0.05;
  /**
   * Neighbours less similar than this do not vote: a floor far below the nearest neighbour of real
   * captions (10th percentile 0.55 on KuaiRec with bge-small-zh), against a reference of another
   * kind of text altogether.
   */
  static final double VOTE_MIN_SIMILARITY = 0.3;

  /**
   * Tuning of the tagger.
   *
   * @param minScore tags scoring below this are not assigned
   * @param maxPhrases candidate phrases embedded per video, besides the whole text
   * @param neighbours labelled neighbours asked to vote (0: zero-shot only)
   */
  public record Settings(int maxItemTags, int maxAudienceTags, double minScore, int maxPhrases, int neighbours) {
    public Settings {
      if (maxItemTags < 1 || maxAudienceTags < 1 || maxPhrases < 0 || neighbours < 0) {
        throw new IllegalArgumentException("tag and phrase limits must be positive");
      }
      if (!(minScore >= 0 && minScore < 1)) {
        throw new IllegalArgumentException("minScore must be in [0, 1): " + minScore);
      }
    }

    public static Settings defaults() {
      return new Settings(10, 8, 0.5, 6, 20);
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
  private final TaggingReference reference;
  /** Every item tag label of the vocabulary, lower case, in both languages. */
  private final Set<String> vocabularyLabels = new HashSet<>();

  public OfflineTagger(Embedder embedder, List<EmbeddedTag> vocabulary, Settings settings) {
    this(embedder, vocabulary, settings, TaggingReference.NONE);
  }

  public OfflineTagger(
      Embedder embedder, List<EmbeddedTag> vocabulary, Settings settings, TaggingReference reference) {
    this.reference = reference;
    this.embedder = embedder;
    this.settings = settings;
    this.items = ScoredTagSpace.of(vocabulary, TagKind.ITEM);
    this.audiences = ScoredTagSpace.of(vocabulary, TagKind.AUDIENCE);
    if (items.isEmpty() || audiences.isEmpty()) {
      throw new IllegalArgumentException("the vocabulary needs item and audience tags");
    }
    this.itemHubs = TagHubness.of(items);
    this.audienceHubs = TagHubness.of(audiences);
    for (ScoredTagSpace.Tag t : items) {
      vocabularyLabels.add(t.vectors().entry().en().toLowerCase(Locale.ROOT));
      vocabularyLabels.add(t.vectors().entry().zh().toLowerCase(Locale.ROOT));
    }
    this.itemToAudience = new double[items.size()][audiences.size()];
    for (int i = 0; i < items.size(); i++) {
      for (int a = 0; a < audiences.size(); a++) {
        itemToAudience[i][a] =
            UnitVectors.cosine(items.get(i).vectors().profile(), audiences.get(a).vectors().profile());
      }
    }
  }

  /**
   * The vector the tagger compares a video's whole text with ({@link DocumentText}), and the one
   * labelled exemplars are embedded with.
   */
  public float[] documentVector(VideoSubmission v) {
    return embedder.embedOne(DocumentText.of(v, reference.noise()));
  }

  public TagExtraction tag(VideoSubmission v) {
    String text = VideoText.of(v);
    String document = DocumentText.of(v, reference.noise());
    // The whole text goes alone: batched with short phrases it would be padded to its own
    // length, and alone it is the exact vector the embedding step stores (and may cache) when
    // the text has no boilerplate to take out.
    float[] doc = embedder.embedOne(document);
    NeighbourVotes votes = settings.neighbours() == 0 || !hasWords(document) ? NeighbourVotes.NONE
        : NeighbourVotes.of(reference.neighbours().nearest(doc, settings.neighbours(), v.videoId()),
            VOTE_TEMPERATURE, VOTE_MIN_SIMILARITY);
    List<String> phrases = CandidatePhrases.of(v, reference.noise(), settings.maxPhrases());
    List<float[]> phraseVectors = phrases.isEmpty() ? List.of() : embedder.embedBatch(phrases);
    String literal = literalText(v);
    TextTerms terms = new TextTerms(literal);
    boolean chinese =
        v.language() != null ? v.language().toLowerCase(Locale.ROOT).startsWith("zh")
            : "zh".equals(LanguageDetector.detect(text));
    double[] itemScores = scores(items, itemHubs, chinese, doc, phraseVectors, terms, null, votes);
    double[] audienceScores =
        scores(audiences, audienceHubs, chinese, doc, phraseVectors, terms, audienceAffinity(itemScores), votes);
    return new TagExtraction(
        itemTags(v, literal, itemScores, chinese),
        fill(best(audiences, audienceScores, chinese, settings.maxAudienceTags()), audiences, audienceScores, chinese,
            MIN_AUDIENCE_TAGS),
        TaggerKind.OFFLINE,
        "onnx",
        embedder.model().name(),
        VERSION,
        null);
  }

  private static double[] scores(
      List<ScoredTagSpace.Tag> space, TagHubness hubs, boolean chinese, float[] doc, List<float[]> phrases,
      TextTerms terms, double[] affinity, NeighbourVotes votes) {
    int n = space.size();
    double[] docSim = new double[n];
    double[] phraseSim = new double[n];
    int[] hits = new int[n];
    TagScore.Votes vote = votes.voters() == 0 ? null : new TagScore.Votes(new double[n], new double[n], new int[n]);
    Map<String, Integer> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      EmbeddedTag t = space.get(i).vectors();
      docSim[i] = UnitVectors.cosine(doc, t.profile());
      for (float[] p : phrases) {
        phraseSim[i] = Math.max(phraseSim[i], UnitVectors.cosine(p, t.labelEn()));
        phraseSim[i] = Math.max(phraseSim[i], UnitVectors.cosine(p, t.labelZh()));
      }
      hits[i] = space.get(i).matcher().hits(terms);
      if (vote != null) {
        vote.category()[i] = votes.category(t.entry().category());
        vote.tag()[i] = votes.tag(t.entry().id());
        vote.group()[i] = groups.computeIfAbsent(t.entry().category(), k -> groups.size());
      }
    }
    hubs.correct(docSim, phraseSim, chinese);
    return TagScore.scores(docSim, phraseSim, hits, affinity, vote);
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

  /**
   * The item tags that fit, and the creator's own first topical hashtag when the vocabulary has no
   * such label (a candidate: where the vocabulary grows from, once enough creators use it); when
   * fewer than {@link #MIN_ITEM_TAGS} tags remain, candidate tags made of the text's own key
   * phrases, and last the best of the rest of the vocabulary, each with the low score that says
   * how weak it is.
   */
  private List<RawTag> itemTags(VideoSubmission v, String literal, double[] scores, boolean chinese) {
    List<RawTag> tags = new ArrayList<>(best(items, scores, chinese, settings.maxItemTags()));
    Set<String> taken = new HashSet<>();
    tags.forEach(t -> taken.add(t.label().toLowerCase(Locale.ROOT)));
    String hashtag = firstNewHashtag(v);
    if (hashtag != null && tags.size() < settings.maxItemTags() && taken.add(hashtag.toLowerCase(Locale.ROOT))) {
      tags.add(new RawTag(hashtag, TagKind.ITEM, CANDIDATE_SCORE));
    }
    if (tags.size() < MIN_ITEM_TAGS) {
      List<String> phrases = KeyPhrases.of(literal, reference.noise(), MIN_ITEM_TAGS);
      if (phrases.isEmpty()) {
        // no phrase at all (an emoji, a number): the title itself, cut to a label's length
        phrases = List.of(KeyPhrases.label(v.title()));
      }
      for (int i = 0; i < phrases.size() && tags.size() < MIN_ITEM_TAGS; i++) {
        String label = phrases.get(i);
        if (!label.isEmpty() && taken.add(label.toLowerCase(Locale.ROOT))) {
          tags.add(new RawTag(label, TagKind.ITEM, CANDIDATE_SCORE - CANDIDATE_SCORE_STEP * i));
        }
      }
    }
    List<RawTag> filled = new ArrayList<>(fill(tags, items, scores, chinese, MIN_ITEM_TAGS));
    // strongest first: a vocabulary tag that fills up can score above a key-phrase candidate
    filled.sort((a, b) -> Double.compare(b.score(), a.score()));
    return filled;
  }

  /** The first hashtag of the video that is neither boilerplate nor a vocabulary label; null if none. */
  private String firstNewHashtag(VideoSubmission v) {
    for (String field : new String[] {v.title(), v.description(), v.transcript()}) {
      for (String h : CaptionMarks.of(field).hashtags()) {
        String label = h.replace('_', ' ').strip();
        if (label.codePointCount(0, label.length()) < 2 || label.codePointCount(0, label.length()) > KeyPhrases.MAX_CODE_POINTS
            || !label.codePoints().anyMatch(Character::isLetter) || reference.noise().isNoise(h)
            || vocabularyLabels.contains(label.toLowerCase(Locale.ROOT))) {
          continue;
        }
        return label;
      }
    }
    return null;
  }

  /** {@code tags} topped up to {@code min} with the best-scoring remaining tags of {@code space}. */
  private List<RawTag> fill(
      List<RawTag> tags, List<ScoredTagSpace.Tag> space, double[] scores, boolean chinese, int min) {
    if (tags.size() >= min) {
      return tags;
    }
    List<RawTag> out = new ArrayList<>(tags);
    Set<String> taken = new HashSet<>();
    tags.forEach(t -> taken.add(t.label()));
    for (int i : ranked(scores)) {
      if (out.size() >= min) {
        break;
      }
      RawTag t = vocabularyTag(space, scores, i, chinese);
      if (taken.add(t.label())) {
        out.add(t);
      }
    }
    return out;
  }

  private List<RawTag> best(List<ScoredTagSpace.Tag> space, double[] scores, boolean chinese, int max) {
    List<RawTag> out = new ArrayList<>();
    for (int i : ranked(scores)) {
      if (scores[i] < settings.minScore() || out.size() >= max) {
        break;
      }
      out.add(vocabularyTag(space, scores, i, chinese));
    }
    return out;
  }

  /**
   * Tag indices by decreasing raw score. Tags are chosen and ranked by it: the calibration is
   * monotone but flat in places, and ties there must not reorder tags.
   */
  private static Integer[] ranked(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    return order;
  }

  /** Tag {@code i} of {@code space} in the video's language, with its calibrated score. */
  private RawTag vocabularyTag(List<ScoredTagSpace.Tag> space, double[] scores, int i, boolean chinese) {
    VocabularyEntry e = space.get(i).vectors().entry();
    return new RawTag(chinese ? e.zh() : e.en(), e.kind(), reference.calibration().apply(scores[i]));
  }

  /**
   * Whether the text has words to be near: an emoji-only or one-character title embeds close to
   * whatever else has no words, and those neighbours' labels say nothing about it.
   */
  static boolean hasWords(String text) {
    return text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS_TO_VOTE).count() >= MIN_LETTERS_TO_VOTE;
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
