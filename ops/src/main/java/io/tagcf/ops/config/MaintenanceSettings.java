package io.tagcf.ops.config;

import java.time.Duration;

/**
 * The periodic upkeep workflows: cover sets over the last {@code coverSetWindowDays} days every
 * {@code coverSetInterval}; user roles and the logic graph every {@code rolesInterval}.
 */
public record MaintenanceSettings(
    boolean enabled, int coverSetWindowDays, Duration coverSetInterval, Duration rolesInterval) {}
