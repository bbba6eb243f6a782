package io.tagcf.models.interactions;

import java.util.Locale;

/** The engagement funnel: a click, then a completed watch, then a like. */
public enum Outcome {
  CLICK,
  COMPLETION,
  LIKE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Column name of the per-video rate in design tables ("click_rate", ...). */
  public String rateColumn() {
    return label() + "_rate";
  }
}
