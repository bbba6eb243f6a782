package io.tagcf.workflows;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowTargetOptions;
import io.temporal.testing.TestWorkflowEnvironment;

/** How a run of a workflow ended (completed, continued as new, failed), as the server records it. */
public final class RunStatus {

  private RunStatus() {}

  public static WorkflowExecutionStatus of(TestWorkflowEnvironment testEnv, WorkflowExecution run) {
    return testEnv.getWorkflowClient()
        .newUntypedWorkflowStub(WorkflowTargetOptions.newBuilder().setWorkflowExecution(run).build())
        .describe()
        .getStatus();
  }
}
