package io.tagcf.ops.demo;

import io.tagcf.workflowapi.coverset.CoverSetStatus;
import io.tagcf.workflowapi.coverset.CoverSetWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;

/** Asks the running cover-set workflow for a run now and waits for its result. */
public final class CoverSetRefresh {

  private CoverSetRefresh() {}

  public static Optional<CoverSetStatus> now(WorkflowClient client, Duration timeout) throws InterruptedException {
    CoverSetWorkflow wf = client.newWorkflowStub(CoverSetWorkflow.class, CoverSetWorkflow.WORKFLOW_ID);
    int before;
    try {
      before = wf.status().runs();
    } catch (RuntimeException e) {
      return Optional.empty(); // upkeep is switched off (TAGCF_MAINTENANCE=off)
    }
    wf.refreshNow();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      CoverSetStatus s = wf.status();
      if (s.runs() > before) {
        return Optional.of(s);
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }
}
