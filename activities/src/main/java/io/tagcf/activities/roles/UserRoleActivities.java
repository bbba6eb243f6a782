package io.tagcf.activities.roles;

import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.ranking.RankingProfileSummary;
import io.tagcf.models.roles.RoleRequest;
import io.tagcf.models.roles.RoleRunSummary;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** User-role identification and the statistical tag-logic graph built on it. */
@ActivityInterface
public interface UserRoleActivities {

  @ActivityMethod
  RoleRunSummary identifyRoles(RoleRequest request);

  @ActivityMethod
  LogicRunSummary fitStatisticalLogic(LogicRequest request);

  /**
   * The ranking stage's user profiles from the roles and logic graph just stored: each user's
   * item-tag interest (the window and half-life of {@code request}) and their roles' logic
   * expansion with its paths.
   */
  @ActivityMethod
  RankingProfileSummary buildRankingProfiles(RoleRequest request);
}
