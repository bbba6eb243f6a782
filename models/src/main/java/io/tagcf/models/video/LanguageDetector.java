package io.tagcf.models.video;

/**
 * Decides between Chinese and English, the two languages the platform serves, from the share of
 * CJK ideographs among letters. Enough for routing prompts and labels; not a general detector.
 */
public final class LanguageDetector {

  private LanguageDetector() {}

  public static String detect(String text) {
    if (text == null) {
      return "en";
    }
    long cjk = 0;
    long latin = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        cjk++;
      } else if (Character.isLetter(cp)) {
        latin++;
      }
    }
    // A Chinese character carries about as much as a short English word, hence the weight.
    return cjk * 4 >= latin && cjk > 0 ? "zh" : "en";
  }
}
