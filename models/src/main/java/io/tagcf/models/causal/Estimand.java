package io.tagcf.models.causal;

import java.util.Locale;

/** Which population the effect is averaged over. */
public enum Estimand {
  /** Average treatment effect over every row (weighted by the row weight). */
  ATE,
  /** Average treatment effect on the treated rows only. */
  ATT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Estimand parse(String text) {
    for (Estimand e : values()) {
      if (e.label().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    throw new CausalInputException("unknown estimand '" + text + "' (use ate or att)");
  }
}
