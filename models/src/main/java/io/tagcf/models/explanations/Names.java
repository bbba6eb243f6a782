package io.tagcf.models.explanations;

/** How a tag or role is called in a language: its label there, else its other label, else its slug. */
final class Names {

  private Names() {}

  static String label(String slug, String labelEn, String labelZh, String language) {
    String preferred = "zh".equals(language) ? labelZh : labelEn;
    String other = "zh".equals(language) ? labelEn : labelZh;
    if (preferred != null && !preferred.isBlank()) {
      return preferred;
    }
    return other != null && !other.isBlank() ? other : slug;
  }
}
