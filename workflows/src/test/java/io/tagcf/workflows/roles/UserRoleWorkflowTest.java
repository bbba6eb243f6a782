package io.tagcf.workflows.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.llm.LlmFailure;
import io.tagcf.activities.llm.TemporalLlmFailures;
import io.tagcf.activities.roles.LlmLogicActivities;
import io.tagcf.activities.roles.UserRoleActivities;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.activities.tagging.TaggerPlanActivities;
import io.tagcf.models.logic.LlmLogicRequest;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.ranking.RankingProfileSummary;
import io.tagcf.models.roles.RoleRequest;
import io.tagcf.models.roles.RoleRunSummary;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.roles.UserRoleSchedule;
import io.tagcf.workflowapi.roles.UserRoleStatus;
import io.tagcf.workflowapi.roles.UserRoleWorkflow;
import io.tagcf.workflows.RunStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/**
 * The role and logic-graph timer loop against mocked activities. As in the cover-set test, the
 * loop never returns: each test moves the test server's clock with {@code testEnv.sleep}, which
 * returns only once the work due before its end is done, and reads the {@code status} query.
 *
 * <p>The timeout turns a restart or continue-as-new that loops for ever (the test clock stands
 * still then) into a failure instead of a hung build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UserRoleWorkflowTest {

  static final Path RECORDED = Path.of("target", "replay", "user-roles-ranking-v1.json");

  private static final Duration INTERVAL = Duration.ofHours(1);
  /** Well inside one interval: long enough for a run's activities, short of the next run. */
  private static final Duration SETTLE = Duration.ofMinutes(1);

  private static final RoleRequest ROLES = new RoleRequest(30, 7, 10);
  private static final LogicRequest LOGIC = new LogicRequest(30, 7, 5.0, 2.0, 20);
  private static final LlmLogicRequest LLM_LOGIC = new LlmLogicRequest(20, 3, 0.6, 500);
  /** LLM logic on every third run of an execution: runs 0, 3, 6 and 9. */
  private static final UserRoleSchedule SCHEDULE = new UserRoleSchedule(INTERVAL, ROLES, LOGIC, LLM_LOGIC, 3, 12);

  private static final RoleRunSummary ROLE_RUN = new RoleRunSummary(1_200, 48_000, 11_400);
  private static final LogicRunSummary STATS_RUN = new LogicRunSummary("statistical", 640, 610);
  private static final LogicRunSummary LLM_RUN = new LogicRunSummary("llm", 380, 355);
  private static final RankingProfileSummary PROFILE_RUN = new RankingProfileSummary(1_200, 21_000, 11_800);

  private static final TaggerPlan LLM_PLAN = new TaggerPlan(true, 3, 1_000, 30_000);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(UserRoleWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final UserRoleActivities activities = mock(UserRoleActivities.class, withSettings().withoutAnnotations());
  private final LlmLogicActivities llmLogic = mock(LlmLogicActivities.class, withSettings().withoutAnnotations());
  private final TaggerPlanActivities planner = mock(TaggerPlanActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void offlineDeploymentWhereEveryStepSucceeds() {
    when(activities.identifyRoles(ROLES)).thenReturn(ROLE_RUN);
    when(activities.fitStatisticalLogic(LOGIC)).thenReturn(STATS_RUN);
    when(activities.buildRankingProfiles(ROLES)).thenReturn(PROFILE_RUN);
    when(llmLogic.generateLlmLogic(LLM_LOGIC)).thenReturn(LLM_RUN);
    when(planner.taggerPlan()).thenReturn(TaggerPlan.offline());
  }

  @Test
  void eachRunIdentifiesRolesThenFitsTheStatisticalLogic(TestWorkflowEnvironment testEnv, Worker worker) throws IOException {
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);

    InOrder order = inOrder(activities);
    order.verify(activities).identifyRoles(ROLES);
    order.verify(activities).fitStatisticalLogic(LOGIC);
    order.verify(activities).buildRankingProfiles(ROLES);
    assertThat(workflow.status())
        .usingRecursiveComparison()
        .ignoringFields("lastRunMillis")
        .isEqualTo(new UserRoleStatus(1, 0, ROLE_RUN, STATS_RUN, null, null, PROFILE_RUN));
    // Kept for the replay test (src/test/resources/histories/user-roles-*.json).
    WorkflowExecutionHistory history = testEnv.getWorkflowClient().fetchHistory(UserRoleWorkflow.WORKFLOW_ID);
    Files.createDirectories(RECORDED.getParent());
    Files.writeString(RECORDED, history.toJson(true));
  }

  @Test
  void rolesFailureIsRecordedAndTheNextRunGoesOn(TestWorkflowEnvironment testEnv, Worker worker) {
    when(activities.identifyRoles(ROLES))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no engagements in the last 30 days", "NoEngagements"))
        .thenReturn(ROLE_RUN);
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);
    UserRoleStatus failedRun = workflow.status();
    assertThat(failedRun.runs()).isEqualTo(1);
    assertThat(failedRun.lastError())
        .startsWith("roles/statistical logic: ")
        .contains("no engagements in the last 30 days");
    // The statistical logic is built on the roles, so it is not fitted without them.
    assertThat(failedRun.roles()).isNull();
    verify(activities, never()).fitStatisticalLogic(any());
    // Nor are the ranking profiles rebuilt from the stale roles.
    verify(activities, never()).buildRankingProfiles(any());

    testEnv.sleep(INTERVAL);
    UserRoleStatus nextRun = workflow.status();
    assertThat(nextRun.runs()).isEqualTo(2);
    assertThat(nextRun.lastError()).isNull();
    assertThat(nextRun.roles()).isEqualTo(ROLE_RUN);
    assertThat(nextRun.statsLogic()).isEqualTo(STATS_RUN);
    assertThat(nextRun.rankingProfiles()).isEqualTo(PROFILE_RUN);
  }

  @Test
  void rankingProfileFailureIsRecordedAndKeepsTheRunsOtherResults(TestWorkflowEnvironment testEnv, Worker worker) {
    when(activities.buildRankingProfiles(ROLES))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("database gone", "StoreException"))
        .thenReturn(PROFILE_RUN);
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);
    UserRoleStatus failedRun = workflow.status();
    assertThat(failedRun.lastError()).startsWith("ranking profiles: ").contains("database gone");
    assertThat(failedRun.roles()).isEqualTo(ROLE_RUN);
    assertThat(failedRun.statsLogic()).isEqualTo(STATS_RUN);
    assertThat(failedRun.rankingProfiles()).isNull();

    testEnv.sleep(INTERVAL);
    assertThat(workflow.status().rankingProfiles()).isEqualTo(PROFILE_RUN);
    assertThat(workflow.status().lastError()).isNull();
  }

  @Test
  void llmLogicIsSkippedWhenThePlanIsOffline(TestWorkflowEnvironment testEnv, Worker worker) {
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    // Four runs: 0 and 3 would be LLM runs under an LLM plan.
    testEnv.sleep(INTERVAL.multipliedBy(3).plus(SETTLE));

    assertThat(workflow.status().runs()).isEqualTo(4);
    assertThat(workflow.status().llmLogic()).isNull();
    verifyNoInteractions(llmLogic);
  }

  @Test
  void llmLogicRunsOnTheFirstRunAndThenEveryLlmEveryRunsRuns(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);
    verify(llmLogic, times(1)).generateLlmLogic(LLM_LOGIC);
    assertThat(workflow.status().llmLogic()).isEqualTo(LLM_RUN);

    // Runs 1 and 2 keep the LLM graph of run 0 without regenerating it.
    testEnv.sleep(INTERVAL.multipliedBy(2));
    assertThat(workflow.status().runs()).isEqualTo(3);
    assertThat(workflow.status().llmLogic()).isEqualTo(LLM_RUN);
    verify(llmLogic, times(1)).generateLlmLogic(LLM_LOGIC);

    testEnv.sleep(INTERVAL);
    assertThat(workflow.status().runs()).isEqualTo(4);
    verify(llmLogic, times(2)).generateLlmLogic(LLM_LOGIC);
  }

  @Test
  void llmLogicFailureIsRecordedAfterOneAttemptWhenNotRetryable(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(llmLogic.generateLlmLogic(LLM_LOGIC))
        .thenThrow(TemporalLlmFailures.toApplicationFailure(
            LlmFailure.of(LlmFailure.Kind.UNAUTHORISED, "key lacks access to the model")));
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);

    UserRoleStatus status = workflow.status();
    assertThat(status.lastError()).startsWith("LLM logic: ").contains("key lacks access to the model");
    assertThat(status.roles()).isEqualTo(ROLE_RUN);
    assertThat(status.statsLogic()).isEqualTo(STATS_RUN);
    assertThat(status.llmLogic()).isNull();
    verify(llmLogic, times(1)).generateLlmLogic(LLM_LOGIC);
  }

  @Test
  void llmLogicFailureIsAppendedToAnEarlierErrorOfTheSameRun(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(activities.identifyRoles(ROLES))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no engagements in the last 30 days", "NoEngagements"));
    when(llmLogic.generateLlmLogic(LLM_LOGIC))
        .thenThrow(TemporalLlmFailures.toApplicationFailure(
            LlmFailure.of(LlmFailure.Kind.REQUEST_REJECTED, "prompt exceeds the context window")));
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, SCHEDULE);

    testEnv.sleep(SETTLE);

    assertThat(workflow.status().lastError())
        .matches("roles/statistical logic: .*no engagements in the last 30 days.*; "
            + "LLM logic: .*prompt exceeds the context window.*");
  }

  @Test
  void continuesAsNewAfterRunsPerExecutionRuns(TestWorkflowEnvironment testEnv, Worker worker) {
    UserRoleSchedule twoRuns = new UserRoleSchedule(INTERVAL, ROLES, LOGIC, LLM_LOGIC, 3, 2);
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowExecution firstExecution = WorkflowClient.start(workflow::maintain, twoRuns);

    // Runs at 0 and 1 h; the second run's interval ends at 2 h, where the next execution starts.
    testEnv.sleep(INTERVAL.multipliedBy(2).plus(SETTLE));

    assertThat(RunStatus.of(testEnv, firstExecution))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    // The latest execution has done its first run, with the same schedule.
    UserRoleWorkflow latest =
        testEnv.getWorkflowClient().newWorkflowStub(UserRoleWorkflow.class, UserRoleWorkflow.WORKFLOW_ID);
    assertThat(latest.status().runs()).isEqualTo(1);
    verify(activities, times(3)).identifyRoles(ROLES);
  }

  @Test
  void llmCadenceCarriesOverContinueAsNew(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    UserRoleSchedule everyThirdRunTwoRunsPerExecution =
        new UserRoleSchedule(INTERVAL, ROLES, LOGIC, LLM_LOGIC, 3, 2);
    UserRoleWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowClient.start(workflow::maintain, everyThirdRunTwoRunsPerExecution);

    // Runs 0, 1 (first execution) and 2 (first run of the second execution).
    testEnv.sleep(INTERVAL.multipliedBy(2).plus(SETTLE));

    verify(activities, times(3)).identifyRoles(ROLES);
    verify(llmLogic, times(1)).generateLlmLogic(LLM_LOGIC);
  }

  /**
   * Registers the mocks where the deployment runs them: the plan as a local activity on the
   * workflow's worker, roles and statistical logic on the maintenance queue, LLM logic on the LLM
   * queue. Stub before this.
   */
  private UserRoleWorkflow startWorkers(TestWorkflowEnvironment testEnv, Worker worker) {
    worker.registerActivitiesImplementations(planner);
    testEnv.newWorker(TaskQueues.MAINTENANCE).registerActivitiesImplementations(activities);
    testEnv.newWorker(TaskQueues.LLM).registerActivitiesImplementations(llmLogic);
    testEnv.start();
    return testEnv.getWorkflowClient()
        .newWorkflowStub(
            UserRoleWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(UserRoleWorkflow.WORKFLOW_ID)
                .setTaskQueue(worker.getTaskQueue())
                .build());
  }
}
