package io.tagcf.workflowapi.roles;

import io.tagcf.models.logic.LlmLogicRequest;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.roles.RoleRequest;
import java.time.Duration;

/**
 * Every {@code interval}: identify user roles, refit the statistical logic graph and, where an
 * LLM is configured, regenerate the LLM logic graph every {@code llmEveryRuns} runs (it costs one
 * call per cover-set tag).
 *
 * @param runsBefore runs of the executions before this one (continue-as-new), so that the LLM
 *     cadence counts every run; absent (0) in inputs written before it existed
 */
public record UserRoleSchedule(
    Duration interval, RoleRequest roles, LogicRequest logic, LlmLogicRequest llmLogic, int llmEveryRuns,
    int runsPerExecution, long runsBefore) {

  public UserRoleSchedule(Duration interval, RoleRequest roles, LogicRequest logic, LlmLogicRequest llmLogic,
      int llmEveryRuns, int runsPerExecution) {
    this(interval, roles, logic, llmLogic, llmEveryRuns, runsPerExecution, 0);
  }

  /** This schedule for the execution after one of {@code runsPerExecution} runs. */
  public UserRoleSchedule next() {
    return new UserRoleSchedule(interval, roles, logic, llmLogic, llmEveryRuns, runsPerExecution,
        runsBefore + runsPerExecution);
  }

  public static UserRoleSchedule hourly() {
    return new UserRoleSchedule(Duration.ofHours(1), new RoleRequest(30, 7, 10),
        new LogicRequest(30, 7, 5.0, 2.0, 20), new LlmLogicRequest(20, 3, 0.6, 500), 24, 24);
  }
}
