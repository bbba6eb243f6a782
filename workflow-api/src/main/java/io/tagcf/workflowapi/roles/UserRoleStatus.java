package io.tagcf.workflowapi.roles;

import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.roles.RoleRunSummary;

/** What the role workflow last did; null parts have not run yet in this execution. */
public record UserRoleStatus(
    int runs, long lastRunMillis, RoleRunSummary roles, LogicRunSummary statsLogic, LogicRunSummary llmLogic,
    String lastError) {

  public static UserRoleStatus initial() {
    return new UserRoleStatus(0, 0, null, null, null, null);
  }
}
