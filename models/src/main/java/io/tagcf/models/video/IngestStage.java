package io.tagcf.models.video;

import java.util.Locale;

/** Where a video is in the ingest pipeline; the lower-case name is the wire form. */
public enum IngestStage {
  QUEUED,
  TAGGING,
  NORMALISING,
  EMBEDDING,
  DONE,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IngestStage fromWireName(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  public boolean isTerminal() {
    return this == DONE || this == FAILED;
  }
}
