package io.tagcf.store.roles;

import java.time.Instant;

/** One of a user's identified roles, with the audience tag's labels. */
public record UserRole(
    long tagId, String slug, String labelEn, String labelZh, double probability, int rank, Instant computedAt) {}
