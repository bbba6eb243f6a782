package io.tagcf.models.effects;

import java.util.Locale;

/** Whether a (tag, segment, outcome) cell got numbers or was held back, with a reason. */
public enum CellStatus {
  ESTIMATED,
  INSUFFICIENT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
