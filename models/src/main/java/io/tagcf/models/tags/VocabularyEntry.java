package io.tagcf.models.tags;

import java.util.List;

/** One tag of the curated vocabulary, with labels and keywords in both served languages. */
public record VocabularyEntry(
    String id,
    TagKind kind,
    String category,
    String en,
    String zh,
    List<String> keywordsEn,
    List<String> keywordsZh) {

  public VocabularyEntry {
    keywordsEn = List.copyOf(keywordsEn);
    keywordsZh = List.copyOf(keywordsZh);
  }

  /**
   * The text embedded to match whole videos against this tag: both labels and the keywords,
   * which tell the model what the tag is about better than a two-word label does.
   */
  public String profileText() {
    return zh + "（" + en + "）：" + String.join("、", keywordsZh) + "; " + String.join(", ", keywordsEn);
  }
}
