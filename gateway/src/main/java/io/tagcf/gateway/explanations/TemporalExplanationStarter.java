package io.tagcf.gateway.explanations;

import io.grpc.StatusRuntimeException;
import io.tagcf.gateway.effects.OrchestratorUnavailableException;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import io.tagcf.workflowapi.explanations.ExplanationWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;

/**
 * Starts {@link ExplanationWorkflow} runs on the explanations task queue. A run of the same id that
 * is still going is joined; one that ended may run again, and then finds its explanation stored.
 */
public final class TemporalExplanationStarter implements ExplanationStarter {

  private final WorkflowClient client;

  public TemporalExplanationStarter(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public Start start(String workflowId, ExplanationRequest request) {
    ExplanationWorkflow workflow = client.newWorkflowStub(ExplanationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.EXPLANATIONS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(workflow::explain, request);
      return Start.STARTED;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return Start.JOINED;
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw new OrchestratorUnavailableException("the workflow service did not accept the explanation run", e);
    }
  }
}
