package io.tagcf.models.evaluation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes tag labels comparable across taggers and gold files: "Ｃａｔ　Videos" and "cat videos"
 * are the same label. NFKC folds width and compatibility forms; upper- then lower-casing folds
 * case including "ß" → "ss" (a second NFKC tidies what case mapping decomposes); runs of
 * whitespace become one space and the ends are stripped.
 */
public final class LabelNormaliser {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

  private LabelNormaliser() {}

  public static String normalise(String label) {
    if (label == null) {
      throw new IllegalArgumentException("label must not be null");
    }
    String s = Normalizer.normalize(label, Normalizer.Form.NFKC);
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }
}
