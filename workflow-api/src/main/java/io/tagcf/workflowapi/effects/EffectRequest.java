package io.tagcf.workflowapi.effects;

import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.effects.SegmentScheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one effect snapshot estimates from.
 *
 * @param windowEnd end of the exposure window (exclusive); null: when the run starts
 * @param windowDays length of the window
 * @param segments the segment scheme ({@link SegmentScheme#parse})
 * @param shards how many tag shards the work is split into (at most the number of tags)
 * @param settings the estimation rules
 */
public record EffectRequest(Instant windowEnd, int windowDays, String segments, int shards, EffectSettings settings) {
  public static final int MAX_WINDOW_DAYS = 365;
  public static final int MAX_SHARDS = 256;

  public static EffectRequest defaults() {
    return new EffectRequest(null, 30, "age_band", 8, EffectSettings.defaults(1));
  }

  /** What is wrong with the request, each problem naming its field; empty when it is valid. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
      out.add("windowDays: must be between 1 and " + MAX_WINDOW_DAYS + ", got " + windowDays);
    }
    if (shards < 1 || shards > MAX_SHARDS) {
      out.add("shards: must be between 1 and " + MAX_SHARDS + ", got " + shards);
    }
    try {
      SegmentScheme.parse(segments);
    } catch (IllegalArgumentException e) {
      out.add(e.getMessage());
    }
    if (settings == null) {
      out.add("settings: missing");
    }
    return out;
  }

  /**
   * The window's end in epoch milliseconds, {@code now} when none was given: workflow code works in
   * the milliseconds of {@code Workflow.currentTimeMillis()}, never with java.time.
   */
  public long windowEndMillis(long now) {
    return windowEnd == null ? now : windowEnd.toEpochMilli();
  }
}
