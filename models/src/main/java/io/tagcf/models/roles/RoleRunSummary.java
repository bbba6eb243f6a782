package io.tagcf.models.roles;

/** What one role-identification run stored. */
public record RoleRunSummary(int users, int engagements, int roleRows) {}
