package io.tagcf.models.tagging;

import io.tagcf.models.tags.VocabularyEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a tag's labels and keywords literally in a video's text: Chinese terms as substrings,
 * English ones as whole words. A literal hit is strong evidence the embedding alone can miss.
 */
public final class KeywordMatcher {

  private final List<Pattern> english = new ArrayList<>();
  private final List<String> chinese = new ArrayList<>();

  public KeywordMatcher(VocabularyEntry entry) {
    addEnglish(entry.en());
    entry.keywordsEn().forEach(this::addEnglish);
    addChinese(entry.zh());
    entry.keywordsZh().forEach(this::addChinese);
  }

  private void addEnglish(String term) {
    String t = term.strip().toLowerCase(Locale.ROOT);
    if (t.length() >= 3) {
      english.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?:s|es)?(?![\\p{L}\\p{N}])"));
    }
  }

  private void addChinese(String term) {
    String t = term.strip();
    if (t.codePointCount(0, t.length()) >= 2) {
      chinese.add(t);
    }
  }

  /** How many distinct labels or keywords occur in {@code lowerCasedText}. */
  public int hits(String lowerCasedText) {
    int n = 0;
    for (String t : chinese) {
      if (lowerCasedText.contains(t)) {
        n++;
      }
    }
    for (Pattern p : english) {
      if (p.matcher(lowerCasedText).find()) {
        n++;
      }
    }
    return n;
  }
}
