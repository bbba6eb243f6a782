package io.tagcf.workflowapi.roles;

import io.tagcf.models.logic.LlmLogicRequest;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.roles.RoleRequest;
import java.time.Duration;

/**
 * Every {@code interval}: identify user roles, refit the statistical logic graph and, where an
 * LLM is configured, regenerate the LLM logic graph every {@code llmEveryRuns} runs (it costs one
 * call per cover-set tag).
 */
public record UserRoleSchedule(
    Duration interval, RoleRequest roles, LogicRequest logic, LlmLogicRequest llmLogic, int llmEveryRuns,
    int runsPerExecution) {

  public static UserRoleSchedule hourly() {
    return new UserRoleSchedule(Duration.ofHours(1), new RoleRequest(30, 7, 10),
        new LogicRequest(30, 7, 5.0, 2.0, 20), new LlmLogicRequest(20, 3, 0.6, 500), 24, 24);
  }
}
