package io.tagcf.ops.runtime;

import io.tagcf.ops.config.MaintenanceSettings;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectSchedule;
import io.tagcf.workflowapi.effects.EffectScheduleWorkflow;
import io.tagcf.workflowapi.coverset.CoverSetSchedule;
import io.tagcf.workflowapi.coverset.CoverSetWorkflow;
import io.tagcf.workflowapi.roles.UserRoleSchedule;
import io.tagcf.workflowapi.roles.UserRoleWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.tagcf.workflowapi.ingest.IngestReconcilerWorkflow;
import io.tagcf.workflowapi.ingest.ReconcileSchedule;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure the periodic upkeep workflows run: starts each unless it is already running. */
public final class MaintenanceStarter {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceStarter.class);

  private MaintenanceStarter() {}

  public static void ensureRunning(WorkflowClient client, MaintenanceSettings settings) {
    if (!settings.enabled()) {
      return;
    }
    CoverSetSchedule coverSets = new CoverSetSchedule(
        settings.coverSetInterval(), settings.coverSetWindowDays(), 0.99, 30);
    UserRoleSchedule defaults = UserRoleSchedule.hourly();
    UserRoleSchedule roles = new UserRoleSchedule(settings.rolesInterval(), defaults.roles(), defaults.logic(),
        defaults.llmLogic(), defaults.llmEveryRuns(), defaults.runsPerExecution());
    start(client, CoverSetWorkflow.WORKFLOW_ID, () ->
        WorkflowClient.start(client.newWorkflowStub(CoverSetWorkflow.class, options(CoverSetWorkflow.WORKFLOW_ID))::maintain, coverSets));
    start(client, UserRoleWorkflow.WORKFLOW_ID, () ->
        WorkflowClient.start(client.newWorkflowStub(UserRoleWorkflow.class, options(UserRoleWorkflow.WORKFLOW_ID))::maintain, roles));
    ReconcileSchedule reconcile = ReconcileSchedule.every(settings.reconcileInterval(), settings.reconcileMinAge());
    start(client, IngestReconcilerWorkflow.WORKFLOW_ID, () ->
        WorkflowClient.start(client.newWorkflowStub(IngestReconcilerWorkflow.class,
            options(IngestReconcilerWorkflow.WORKFLOW_ID))::reconcile, reconcile));
    EffectSchedule effects = new EffectSchedule(settings.effectsInterval(), settings.effects(), 30);
    start(client, EffectScheduleWorkflow.WORKFLOW_ID, () ->
        WorkflowClient.start(client.newWorkflowStub(EffectScheduleWorkflow.class,
            WorkflowOptions.newBuilder(options(EffectScheduleWorkflow.WORKFLOW_ID)).setTaskQueue(TaskQueues.EFFECTS)
                .build())::maintain, effects));
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TaskQueues.MAINTENANCE)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
  }

  private static void start(WorkflowClient client, String id, Runnable start) {
    try {
      start.run();
      log.info("started {}", id);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("{} already running", id);
    }
  }
}
