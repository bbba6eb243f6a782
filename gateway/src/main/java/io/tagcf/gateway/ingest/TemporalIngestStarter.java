package io.tagcf.gateway.ingest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.tagcf.models.video.ContentRevision;
import io.tagcf.workflowapi.ingest.IngestSignal;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowServiceException;

/**
 * Signal-with-start on {@code video-ingest/<videoId>}: starts a run when none is open, otherwise
 * signals the open one, which restarts itself on the new content. Two uploads therefore never
 * race two runs of one video.
 */
public final class TemporalIngestStarter implements IngestStarter {

  private static final int ATTEMPTS = 3;

  private final WorkflowClient client;

  public TemporalIngestStarter(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void requestIngest(String videoId, String contentHash, long revision) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        IngestSignal.send(client, videoId, new ContentRevision(contentHash, revision));
        return;
      } catch (WorkflowServiceException | WorkflowExecutionAlreadyStarted | StatusRuntimeException e) {
        // A run that completes between the server's "is it running" check and the signal fails
        // the call (seen with the embedded server); the next attempt starts a new run. Two
        // uploads of a new video at the same instant may both try to start its run there: the
        // loser's next attempt signals the winner's run. Brief unavailability of a real cluster
        // is handled the same way.
        last = e;
        if (outOfTime(e)) {
          // The client's own retries already used up its deadline: another attempt would only
          // keep the request's thread longer.
          break;
        }
        sleep(50L * attempt);
      }
    }
    throw new IngestUnavailableException("the workflow service did not accept the ingest", last);
  }

  private static boolean outOfTime(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && (s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
          || s.getStatus().getCode() == Status.Code.UNAVAILABLE)) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String workflowId(String videoId) {
    return VideoIngestWorkflow.workflowId(videoId);
  }

  @Override
  public boolean isReachable() {
    try {
      return client.getWorkflowServiceStubs().healthCheck().getStatus()
          == HealthCheckResponse.ServingStatus.SERVING;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
