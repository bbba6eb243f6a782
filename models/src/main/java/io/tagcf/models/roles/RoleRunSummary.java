package io.tagcf.models.roles;

/**
 * What one role-identification run read and stored.
 *
 * @param users users given roles
 * @param engagements engagements of the window it read (clicked exposures)
 * @param roleRows rows written to user_roles
 */
public record RoleRunSummary(int users, int engagements, int roleRows) {}
