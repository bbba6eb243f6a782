package io.tagcf.ops.config;

import io.tagcf.workflowapi.effects.EffectRequest;
import java.time.Duration;

/**
 * The periodic upkeep workflows: cover sets over the last {@code coverSetWindowDays} days every
 * {@code coverSetInterval}; user roles and the logic graph every {@code rolesInterval}; an effect
 * snapshot every {@code effectsInterval} ({@code effects}: window, segments, shards, rules), its
 * shards estimated on {@code effectsThreads} threads per worker; when {@code explainAfterSnapshot}, every
 * published snapshot's videos with effects are explained in both languages; every
 * {@code reconcileInterval}, videos whose ingest has not moved for {@code reconcileMinAge} are
 * re-signalled.
 */
public record MaintenanceSettings(
    boolean enabled, int coverSetWindowDays, Duration coverSetInterval, Duration rolesInterval,
    Duration effectsInterval, EffectRequest effects, int effectsThreads, boolean explainAfterSnapshot,
    Duration reconcileInterval, Duration reconcileMinAge) {}
