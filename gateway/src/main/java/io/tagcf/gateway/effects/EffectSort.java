package io.tagcf.gateway.effects;

import java.util.Locale;

/** How a ranking of tags by effect is ordered. */
public enum EffectSort {
  /** Largest increase first. */
  EFFECT_DESC,
  /** Largest decrease first. */
  EFFECT_ASC,
  /** Farthest from zero in standard errors first. */
  SIGNIFICANCE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for a name the contract does not list */
  public static EffectSort fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
