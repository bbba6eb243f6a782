package io.tagcf.models.explanations;

import java.util.Locale;

/** How the template writes numbers: one decimal, signs where a direction is stated by the number. */
final class TemplateNumbers {

  private TemplateNumbers() {}

  static String pct(double percent) {
    return String.format(Locale.ROOT, "%.1f", percent);
  }

  static String pp(double points) {
    return String.format(Locale.ROOT, "%.1f", points);
  }

  static String signed(double points) {
    return String.format(Locale.ROOT, "%+.1f", points);
  }
}
