package io.tagcf.models.roles;

/**
 * Identify roles from the engagements of the last {@code windowDays} days, halving an
 * engagement's weight every {@code halfLifeDays}, keeping {@code topK} roles per user.
 */
public record RoleRequest(int windowDays, double halfLifeDays, int topK) {}
