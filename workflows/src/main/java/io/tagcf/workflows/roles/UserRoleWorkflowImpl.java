package io.tagcf.workflows.roles;

import io.tagcf.activities.llm.LlmFailure;
import io.tagcf.activities.roles.LlmLogicActivities;
import io.tagcf.activities.roles.UserRoleActivities;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.activities.tagging.TaggerPlanActivities;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.ranking.RankingProfileSummary;
import io.tagcf.models.roles.RoleRunSummary;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.roles.UserRoleSchedule;
import io.tagcf.workflowapi.roles.UserRoleStatus;
import io.tagcf.workflowapi.roles.UserRoleWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Orchestration only; a failed step is recorded in the status and the loop goes on. */
public final class UserRoleWorkflowImpl implements UserRoleWorkflow {

  /** Version 1: each run ends by building the ranking stage's user profiles (after any LLM logic, whose edges they read). */
  static final String RANKING_PROFILES = "ranking-profiles";

  private final UserRoleActivities activities =
      Workflow.newActivityStub(
          UserRoleActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.MAINTENANCE)
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(5)).setMaximumAttempts(3).build())
              .build());

  private final LlmLogicActivities llmLogic =
      Workflow.newActivityStub(
          LlmLogicActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.LLM)
              .setScheduleToStartTimeout(Duration.ofHours(1))
              .setStartToCloseTimeout(Duration.ofHours(6))
              .setHeartbeatTimeout(Duration.ofMinutes(5))
              .setRetryOptions(RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(3)
                  .setDoNotRetry(LlmFailure.Kind.nonRetryableTypeNames().toArray(String[]::new))
                  .build())
              .build());

  private final TaggerPlanActivities planner =
      Workflow.newLocalActivityStub(
          TaggerPlanActivities.class,
          LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

  private UserRoleStatus status = UserRoleStatus.initial();
  private boolean refreshRequested;

  @Override
  public void maintain(UserRoleSchedule schedule) {
    for (int run = 0; run < schedule.runsPerExecution(); run++) {
      // A refresh asked for while this run works triggers the next one right after it.
      refreshRequested = false;
      RoleRunSummary roles = status.roles();
      LogicRunSummary stats = status.statsLogic();
      LogicRunSummary llm = status.llmLogic();
      RankingProfileSummary profiles = status.rankingProfiles();
      String error = null;
      boolean rolesFresh = false;
      try {
        roles = activities.identifyRoles(schedule.roles());
        stats = activities.fitStatisticalLogic(schedule.logic());
        rolesFresh = true;
      } catch (ActivityFailure f) {
        error = "roles/statistical logic: " + cause(f);
      }
      TaggerPlan plan = planner.taggerPlan();
      // Counted over every execution: an input written before runsBefore existed reads 0, the
      // cadence such a run had, so replaying it schedules what it scheduled.
      long overall = schedule.runsBefore() + run;
      if (plan.llm() && schedule.llmLogic() != null && overall % Math.max(1, schedule.llmEveryRuns()) == 0) {
        try {
          llm = llmLogic.generateLlmLogic(schedule.llmLogic());
        } catch (ActivityFailure f) {
          error = (error == null ? "" : error + "; ") + "LLM logic: " + cause(f);
        }
      }
      // Runs recorded before the ranking stage existed have no profile step; replaying them must not get one.
      if (rolesFresh && Workflow.getVersion(RANKING_PROFILES, Workflow.DEFAULT_VERSION, 1) >= 1) {
        try {
          profiles = activities.buildRankingProfiles(schedule.roles());
        } catch (ActivityFailure f) {
          error = (error == null ? "" : error + "; ") + "ranking profiles: " + cause(f);
        }
      }
      status = new UserRoleStatus(status.runs() + 1, Workflow.currentTimeMillis(), roles, stats, llm, error, profiles);
      Workflow.await(schedule.interval(), () -> refreshRequested);
    }
    Workflow.continueAsNew(schedule.next());
  }

  private static String cause(ActivityFailure f) {
    return f.getCause() == null ? f.getMessage() : f.getCause().getMessage();
  }

  @Override
  public void refreshNow() {
    refreshRequested = true;
  }

  @Override
  public UserRoleStatus status() {
    return status;
  }
}
