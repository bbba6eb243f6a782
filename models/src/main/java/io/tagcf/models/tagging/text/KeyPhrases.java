package io.tagcf.models.tagging.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The phrases a caption is about, in order of strength: the creator's own hashtags (less
 * boilerplate), then the key words HanLP's TextRank picks from the rest, then its other nouns in
 * order of appearance. HanLP segments Chinese into words (so 拉面 is a phrase and 面白 is not) and
 * keeps English words whole. These are what an untagged video's candidate tags are made of.
 */
public final class KeyPhrases {

  public static final int MAX_CODE_POINTS = 20;
  private static final Set<String> ENGLISH_STOP = Set.of(
      "the", "and", "for", "with", "this", "that", "from", "your", "you", "are", "was", "were", "have", "has",
      "what", "when", "how", "why", "who", "all", "one", "our", "out", "into", "just", "about", "my", "me",
      "it", "its", "in", "on", "of", "to", "a", "an", "is", "be", "i", "we", "they", "them", "their", "at",
      "by", "or", "as", "so", "do", "did", "does", "not", "no", "can", "will", "get", "got", "every",
      "everything", "week", "weeks", "day", "days", "time", "video", "part", "new");

  private KeyPhrases() {}

  /** Up to {@code limit} phrases from the text, strongest first. */
  public static List<String> of(String text, CaptionNoise noise, int limit) {
    CaptionMarks marks = CaptionMarks.of(text);
    Set<String> out = new LinkedHashSet<>();
    for (String h : marks.hashtags()) {
      if (!noise.isNoise(h)) {
        add(out, h.replace('_', ' '));
      }
    }
    String plain = marks.plain();
    if (!plain.isBlank() && out.size() < limit) {
      List<Term> terms = HanLP.segment(plain);
      Set<String> nouns = new LinkedHashSet<>();
      for (Term t : terms) {
        if (isContentWord(t)) {
          nouns.add(t.word.strip());
        }
      }
      for (String k : HanLP.extractKeyword(plain, limit)) {
        if (nouns.contains(k.strip())) {
          add(out, k);
        }
      }
      nouns.forEach(n -> add(out, n));
    }
    return new ArrayList<>(out).subList(0, Math.min(limit, out.size()));
  }

  private static boolean isContentWord(Term t) {
    String word = t.word.strip();
    String nature = t.nature == null ? "" : t.nature.toString();
    int length = word.codePointCount(0, word.length());
    if (length < 2 || !word.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '-')
        || word.codePoints().allMatch(Character::isDigit) || CoreStopWordDictionary.contains(word)) {
      return false;
    }
    if (nature.equals("nx")) {
      String lower = word.toLowerCase(Locale.ROOT);
      return length >= 3 && !ENGLISH_STOP.contains(lower);
    }
    return nature.startsWith("n") || nature.equals("vn") || nature.equals("gi") || nature.equals("gm");
  }

  /** {@code phrase} as a tag label: spaces collapsed, cut to {@value #MAX_CODE_POINTS} code points. */
  public static String label(String phrase) {
    String p = phrase.strip().replaceAll("\\s+", " ");
    return p.codePointCount(0, p.length()) <= MAX_CODE_POINTS ? p : p.substring(0, p.offsetByCodePoints(0, MAX_CODE_POINTS));
  }

  private static void add(Set<String> out, String phrase) {
    if (!phrase.codePoints().anyMatch(Character::isLetter)) {
      return;
    }
    String p = label(phrase);
    for (String existing : out) {
      if (existing.equalsIgnoreCase(p)) {
        return;
      }
    }
    out.add(p);
  }
}
