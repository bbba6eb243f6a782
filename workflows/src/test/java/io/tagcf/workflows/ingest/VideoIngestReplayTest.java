package io.tagcf.workflows.ingest;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Histories recorded from real runs must replay against today's workflow code. A change that
 * fails here would break running workflows: guard it with {@code Workflow.getVersion}.
 */
class VideoIngestReplayTest {

  @Test
  void recordedIngestReplays() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/video-ingest-done.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      WorkflowReplayer.replayWorkflowExecution(json, VideoIngestWorkflowImpl.class);
    }
  }
}
