package io.tagcf.activities.effects;

import io.tagcf.models.effects.EffectSettings;
import java.time.Instant;

/**
 * Prepare the snapshot of run {@code runKey}: aggregate exposures in [windowStart, windowEnd) by
 * {@code segments}, choose the tags, split them into at most {@code shards} shards.
 */
public record PrepareRequest(String runKey, Instant windowStart, Instant windowEnd, String segments, int shards,
    EffectSettings settings) {}
