package io.tagcf.gateway.effects;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import java.util.Optional;

/**
 * Starts {@link EffectEstimationWorkflow} runs on the effects task queue and describes them: the
 * workflow's state, its progress query while it runs, its result once it completed.
 */
public final class TemporalSnapshotStarter implements SnapshotStarter {

  private static final String WORKFLOW_TYPE = EffectEstimationWorkflow.class.getSimpleName();

  private final WorkflowClient client;

  public TemporalSnapshotStarter(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void start(String workflowId, EffectRequest request) {
    EffectEstimationWorkflow workflow = client.newWorkflowStub(EffectEstimationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.EFFECTS)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build());
    try {
      WorkflowClient.start(workflow::estimate, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Names carry a random part; a clash is a bug in naming, not an outage.
      throw new IllegalStateException("snapshot run " + workflowId + " already exists", e);
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw new OrchestratorUnavailableException("the workflow service did not accept the snapshot run", e);
    }
  }

  @Override
  public Optional<SnapshotRun> run(String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    WorkflowExecutionDescription description;
    try {
      description = stub.describe();
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw unavailable(e);
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw unavailable(e);
    }
    if (!WORKFLOW_TYPE.equals(description.getWorkflowType())) {
      return Optional.empty();
    }
    return Optional.of(switch (description.getStatus()) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING ->
          new SnapshotRun(workflowId, SnapshotRun.State.RUNNING, progress(workflowId), null);
      case WORKFLOW_EXECUTION_STATUS_COMPLETED ->
          new SnapshotRun(workflowId, SnapshotRun.State.COMPLETED, null, result(stub));
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> closed(workflowId, SnapshotRun.State.CANCELED);
      case WORKFLOW_EXECUTION_STATUS_TERMINATED -> closed(workflowId, SnapshotRun.State.TERMINATED);
      case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> closed(workflowId, SnapshotRun.State.TIMED_OUT);
      default -> closed(workflowId, SnapshotRun.State.FAILED);
    });
  }

  /** The progress query's answer; null when no worker answered it (none polls the queue, or it timed out). */
  private EffectProgress progress(String workflowId) {
    try {
      return client.newWorkflowStub(EffectEstimationWorkflow.class, workflowId).progress();
    } catch (WorkflowException | StatusRuntimeException e) {
      return null;
    }
  }

  private static SnapshotResult result(WorkflowStub stub) {
    try {
      return stub.getResult(SnapshotResult.class);
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw unavailable(e);
    }
  }

  private static SnapshotRun closed(String workflowId, SnapshotRun.State state) {
    return new SnapshotRun(workflowId, state, null, null);
  }

  private static OrchestratorUnavailableException unavailable(RuntimeException e) {
    return new OrchestratorUnavailableException("the workflow service could not describe the snapshot run", e);
  }
}
