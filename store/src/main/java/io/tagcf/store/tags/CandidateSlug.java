package io.tagcf.store.tags;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The slug of a tag a tagger proposed: the label case-folded, NFKC-normalised (full-width to
 * half-width) and with runs of anything but letters and digits turned into one hyphen, so that
 * "Slow-paced", "slow paced" and "ｓｌｏｗ　ｐａｃｅｄ" are one tag.
 */
public final class CandidateSlug {

  private CandidateSlug() {}

  public static String of(String label) {
    String folded = Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String slug = folded.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "-" : slug;
  }
}
