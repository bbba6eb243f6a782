package io.tagcf.store.logic;

import java.util.Locale;

/** Where a logic edge came from; kept apart because they mean different things. */
public enum LogicSource {
  /** The paper's logic prompts, projected onto the cover set. */
  LLM,
  /** Observed co-engagement statistics. */
  STATS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LogicSource fromWireName(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
