package io.tagcf.models.tags;

import java.util.Locale;

/** Which tagger produced a video's tags: the LLM, the offline tagger, or the offline tagger as fallback. */
public enum TaggerKind {
  OFFLINE,
  LLM,
  FALLBACK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaggerKind fromWireName(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
