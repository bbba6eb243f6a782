package io.tagcf.activities.roles;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** User-role identification and the statistical tag-logic graph built on it. */
@ActivityInterface
public interface UserRoleActivities {

  @ActivityMethod
  RoleRunSummary identifyRoles(RoleRequest request);

  @ActivityMethod
  LogicRunSummary fitStatisticalLogic(LogicRequest request);
}
