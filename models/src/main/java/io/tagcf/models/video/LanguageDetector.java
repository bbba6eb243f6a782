package io.tagcf.models.video;

/**
 * Decides between Chinese and English, the two languages the platform serves: Chinese when there
 * are at least as many Han characters as Latin words (a character carries about as much as a
 * word). Enough for routing prompts and labels; not a general detector.
 */
public final class LanguageDetector {

  private LanguageDetector() {}

  public static String detect(String text) {
    if (text == null) {
      return "en";
    }
    long han = 0;
    long latinWords = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN) {
        han++;
      }
      boolean latin = script == Character.UnicodeScript.LATIN;
      if (latin && !inWord) {
        latinWords++;
      }
      inWord = latin;
    }
    return han > 0 && han >= latinWords ? "zh" : "en";
  }
}
