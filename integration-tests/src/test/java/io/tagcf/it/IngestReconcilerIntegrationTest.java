package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.video.UploadDecision;
import io.tagcf.store.video.VideoRepository;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.ingest.IngestReconcilerWorkflow;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.ReconcileSchedule;
import io.tagcf.workflowapi.ingest.ReconcileStatus;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A video whose upload was stored but whose run was never started (the signal-with-start failed
 * after the row was written, as when Temporal is down) reaches done through the reconciler: the
 * real workflow on the maintenance queue, its activity, the database and the ingest run it starts.
 */
class IngestReconcilerIntegrationTest {

  @Test
  void aStrandedUploadIsReSignalledAndReachesDone() throws Exception {
    DevStack stack = TestStack.get();
    WorkflowClient client = stack.temporal().client();
    VideoRepository videos = new VideoRepository(stack.database().dataSource());
    String videoId = "it-stranded-1";
    UploadDecision stored = videos.upsertForIngest(new VideoSubmission(videoId, "c-reconcile",
        "Street food tour in Chengdu: spicy noodles and skewers", "Night market food", null, null, 60.0, "en", null),
        "it-stranded-hash-1", VideoIngestWorkflow.workflowId(videoId));
    assertThat(stored.kind()).isEqualTo(UploadDecision.Kind.CREATED);
    backdate(stack, videoId);
    WorkflowStub ingest = client.newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(videoId), Optional.empty(),
        Optional.empty());
    assertThatThrownBy(ingest::describe).as("no run was ever started");

    IngestReconcilerWorkflow reconciler = client.newWorkflowStub(IngestReconcilerWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("it-reconciler").setTaskQueue(TaskQueues.MAINTENANCE).build());
    WorkflowClient.start(reconciler::reconcile,
        new ReconcileSchedule(Duration.ofHours(1), Duration.ofMinutes(30), 100, 1));
    try {
      ReconcileStatus status = awaitFirstPass(reconciler);
      assertThat(status.lastError()).isNull();
      assertThat(status.last().found()).isGreaterThanOrEqualTo(1);
      assertThat(status.last().signalled()).isEqualTo(status.last().found());
      assertThat(status.last().refused()).isEmpty();

      IngestResult result = ingest.getResult(60, TimeUnit.SECONDS, IngestResult.class);
      assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
      assertThat(result.contentHash()).isEqualTo("it-stranded-hash-1");
      assertThat(videos.find(videoId).orElseThrow().stage()).isEqualTo(IngestStage.DONE);
    } finally {
      WorkflowStub.fromTyped(reconciler).terminate("test over");
    }
  }

  private static ReconcileStatus awaitFirstPass(IngestReconcilerWorkflow reconciler) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      ReconcileStatus status = reconciler.status();
      if (status.passes() > 0) {
        return status;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("the reconciler made no pass in 60 s");
  }

  /** As if the upload had been stored an hour ago and nothing had happened since. */
  private static void backdate(DevStack stack, String videoId) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE ingest_state SET updated_at = now() - interval '1 hour' WHERE video_id = ?")) {
      ps.setString(1, videoId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
