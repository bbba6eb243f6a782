package io.tagcf.models.tagging;

import io.tagcf.models.tags.VocabularyEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a tag's labels and keywords literally in a video's text: Chinese terms as substrings,
 * English ones as whole words (a plural on the text's side still matches). A literal hit is
 * strong evidence the embedding alone can miss.
 */
public final class KeywordMatcher {

  private final List<String> english = new ArrayList<>();
  private final List<String> chinese = new ArrayList<>();

  public KeywordMatcher(VocabularyEntry entry) {
    addEnglish(entry.en());
    entry.keywordsEn().forEach(this::addEnglish);
    addChinese(entry.zh());
    entry.keywordsZh().forEach(this::addChinese);
  }

  private void addEnglish(String term) {
    List<String> words = TextTerms.words(term.strip().toLowerCase(Locale.ROOT));
    String phrase = String.join(" ", words);
    if (phrase.length() >= 3 && words.size() <= TextTerms.MAX_WORDS) {
      english.add(phrase);
    }
  }

  private void addChinese(String term) {
    String t = term.strip();
    if (t.codePointCount(0, t.length()) >= 2) {
      chinese.add(t.toLowerCase(Locale.ROOT));
    }
  }

  /** How many distinct labels or keywords occur in the text. */
  int hits(TextTerms text) {
    int n = 0;
    for (String t : chinese) {
      if (text.containsSubstring(t)) {
        n++;
      }
    }
    for (String t : english) {
      if (text.containsWords(t)) {
        n++;
      }
    }
    return n;
  }

  /** How many distinct labels or keywords occur in {@code text}. */
  public int hits(String text) {
    return hits(new TextTerms(text));
  }
}
