package io.tagcf.models.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A video's text prepared once for literal keyword lookups: the lower-cased text (Chinese terms
 * are matched as substrings of it) and the set of its Latin word sequences of up to
 * {@value #MAX_WORDS} words, each also with a plural "s"/"es" dropped from its last word. A
 * keyword lookup is then a set lookup instead of a regular-expression scan per keyword, which
 * matters with hundreds of tags per video.
 */
final class TextTerms {

  static final int MAX_WORDS = 4;

  private final String lower;
  private final Set<String> phrases = new HashSet<>();

  TextTerms(String text) {
    this.lower = text.toLowerCase(Locale.ROOT);
    List<String> words = words(lower);
    for (int i = 0; i < words.size(); i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = 0; n < MAX_WORDS && i + n < words.size(); n++) {
        if (n > 0) {
          sb.append(' ');
        }
        sb.append(words.get(i + n));
        String phrase = sb.toString();
        phrases.add(phrase);
        String last = words.get(i + n);
        if (last.length() > 3 && last.endsWith("es")) {
          phrases.add(phrase.substring(0, phrase.length() - 2));
        }
        if (last.length() > 2 && last.endsWith("s")) {
          phrases.add(phrase.substring(0, phrase.length() - 1));
        }
      }
    }
  }

  /** The Latin words of {@code s} (letters and digits), in order. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean word = isLatinWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /**
   * Whether {@code term} occurs as a substring, where a Latin letter or digit at either end of the
   * term may not run on into one in the text: Chinese keywords such as "AI", "A股" or "Steam"
   * must not match inside "containers", "data股" or "steamed".
   */
  boolean containsSubstring(String term) {
    boolean boundedStart = isLatinWordChar(term.codePointAt(0));
    boolean boundedEnd = isLatinWordChar(term.codePointBefore(term.length()));
    for (int i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + 1)) {
      int end = i + term.length();
      boolean startOk = !boundedStart || i == 0 || !isLatinWordChar(lower.codePointBefore(i));
      boolean endOk = !boundedEnd || end == lower.length() || !isLatinWordChar(lower.codePointAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatinWordChar(int cp) {
    return Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
  }

  boolean containsWords(String normalisedPhrase) {
    return phrases.contains(normalisedPhrase);
  }
}
