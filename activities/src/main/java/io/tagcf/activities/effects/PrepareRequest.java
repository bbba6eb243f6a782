package io.tagcf.activities.effects;

import io.tagcf.models.effects.EffectSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * Prepare the snapshot of run {@code runKey}: aggregate exposures in the {@code windowDays} days
 * before {@code windowEndMillis} (epoch milliseconds, as workflow code keeps time) by
 * {@code segments}, choose the tags, split them into at most {@code shards} shards.
 */
public record PrepareRequest(String runKey, long windowEndMillis, int windowDays, String segments, int shards,
    EffectSettings settings) {

  public Instant windowEnd() {
    return Instant.ofEpochMilli(windowEndMillis);
  }

  public Instant windowStart() {
    return windowEnd().minus(Duration.ofDays(windowDays));
  }
}
