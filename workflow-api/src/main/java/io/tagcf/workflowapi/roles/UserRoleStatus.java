package io.tagcf.workflowapi.roles;

import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.ranking.RankingProfileSummary;
import io.tagcf.models.roles.RoleRunSummary;

/**
 * What the role workflow last did; null parts have not run yet in this execution. {@code
 * rankingProfiles} is last so that statuses serialised before it existed still read.
 */
public record UserRoleStatus(
    int runs, long lastRunMillis, RoleRunSummary roles, LogicRunSummary statsLogic, LogicRunSummary llmLogic,
    String lastError, RankingProfileSummary rankingProfiles) {

  public static UserRoleStatus initial() {
    return new UserRoleStatus(0, 0, null, null, null, null, null);
  }
}
