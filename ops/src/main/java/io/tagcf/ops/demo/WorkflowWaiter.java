package io.tagcf.ops.demo;

import io.tagcf.workflows.ingest.IngestResult;
import io.tagcf.workflows.ingest.VideoIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ProgressBar;

/** Waits for the ingest workflow of each video to finish, through Temporal, showing progress. */
public final class WorkflowWaiter {

  private final WorkflowClient client;

  public WorkflowWaiter(WorkflowClient client) {
    this.client = client;
  }

  /** Returns the ids of videos whose workflow failed or did not finish within the timeout. */
  public List<String> awaitAll(List<String> videoIds, long timeoutSeconds, boolean showProgress) {
    List<String> unfinished = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    try (ProgressBar bar = CorpusUploader.progress("ingest", videoIds.size(), showProgress)) {
      for (String id : videoIds) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
        try {
          client
              .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(id), Optional.empty(), Optional.empty())
              .getResult(left, TimeUnit.SECONDS, IngestResult.class);
        } catch (WorkflowException | TimeoutException e) {
          unfinished.add(id);
        }
        if (bar != null) {
          bar.step();
        }
      }
    }
    return unfinished;
  }
}
