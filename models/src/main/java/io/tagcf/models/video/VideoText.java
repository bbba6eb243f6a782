package io.tagcf.models.video;

import java.util.StringJoiner;

/**
 * The text of a video as the embedder and the taggers read it: the most telling fields first
 * (title, cover text, description, then the transcript), cut to a budget so that one video costs
 * one model pass. The cut happens at a character budget that keeps typical text inside the
 * model's 512-token window for both Chinese (about one token per character) and English.
 */
public final class VideoText {

  /** Characters kept for Chinese text: about one token each. */
  public static final int CJK_CHAR_BUDGET = 128;
  /** Characters kept for English text: about four characters a token. */
  public static final int LATIN_CHAR_BUDGET = 512;

  private VideoText() {}

  public static String of(VideoSubmission v) {
    StringJoiner text = new StringJoiner("\n");
    text.add(v.title().strip());
    addIfPresent(text, v.coverText());
    addIfPresent(text, v.description());
    addIfPresent(text, v.transcript());
    String joined = text.toString();
    int budget = "zh".equals(languageOf(v, joined)) ? CJK_CHAR_BUDGET : LATIN_CHAR_BUDGET;
    return cut(joined, budget);
  }

  private static String languageOf(VideoSubmission v, String text) {
    if (v.language() != null) {
      return v.language().toLowerCase().startsWith("zh") ? "zh" : "en";
    }
    return LanguageDetector.detect(text);
  }

  private static void addIfPresent(StringJoiner text, String field) {
    if (field != null && !field.isBlank()) {
      text.add(field.strip());
    }
  }

  private static String cut(String s, int maxCodePoints) {
    if (s.codePointCount(0, s.length()) <= maxCodePoints) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
  }
}
