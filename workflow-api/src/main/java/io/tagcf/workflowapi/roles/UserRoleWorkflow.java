package io.tagcf.workflowapi.roles;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Keeps user roles and the tag-logic graph current: a timer loop with continue-as-new. */
@WorkflowInterface
public interface UserRoleWorkflow {

  String WORKFLOW_ID = "roles/user-roles";

  @WorkflowMethod
  void maintain(UserRoleSchedule schedule);

  @SignalMethod
  void refreshNow();

  @QueryMethod
  UserRoleStatus status();
}
