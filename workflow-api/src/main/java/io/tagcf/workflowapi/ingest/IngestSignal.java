package io.tagcf.workflowapi.ingest;

import io.tagcf.models.video.ContentRevision;
import io.tagcf.workflowapi.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * Signal-with-start on {@code video-ingest/<videoId>}: starts a run at this content when none is
 * open, otherwise tells the open one of it (a run ignores a revision older than one it knows). The
 * gateway sends it for each upload, the reconciler for videos whose run is gone.
 */
public final class IngestSignal {

  private IngestSignal() {}

  /**
   * One attempt; the caller decides about retries.
   *
   * @throws io.temporal.client.WorkflowServiceException or {@code io.grpc.StatusRuntimeException}
   *     when the workflow service does not accept it
   */
  public static void send(WorkflowClient client, String videoId, ContentRevision content) {
    VideoIngestWorkflow workflow = client.newWorkflowStub(VideoIngestWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(VideoIngestWorkflow.workflowId(videoId))
            .setTaskQueue(TaskQueues.INGEST)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(workflow::ingest, new IngestRequest(videoId, content.contentHash(), content.revision()));
    request.add(workflow::contentRevised, content);
    client.signalWithStart(request);
  }
}
