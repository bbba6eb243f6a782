package io.tagcf.models.explanations;

/**
 * A number an explanation states, read back from its text.
 *
 * @param value the number as written, scaled by its multiplier (3.2万 is 32000); a percentage is
 *     kept in percent (42% is 42), as the text says it
 * @param kind how the number reads: a plain quantity, a percentage, or percentage points
 * @param decimals digits after the decimal point as written (the rounding the text claims)
 * @param scale what one unit of the written digits is worth in {@code value} (10000 for 3.2万, 0.1 for
 *     a per-mille figure kept in percent), so that the rounding the text claims is
 *     {@code scale * 10^-decimals}
 * @param start index of the number's first character in the text
 * @param end index after its last character, unit included
 */
public record NumberMention(double value, Kind kind, int decimals, double scale, int start, int end) {

  /** Half the last stated digit's worth: how far the exact number may lie from {@link #value()}. */
  public double roundingTolerance() {
    return 0.5 * scale * Math.pow(10, -decimals);
  }


  /** What a number is a number of. */
  public enum Kind {
    QUANTITY,
    PERCENT,
    PERCENTAGE_POINTS
  }
}
