package io.tagcf.workflows.ingest;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories recorded from real runs must replay against today's workflow code. A change that
 * fails here would break running workflows: guard it with {@code Workflow.getVersion}.
 *
 * <ul>
 *   <li>{@code video-ingest-done}: before the LLM tagger (no version marker)
 *   <li>{@code video-ingest-offline-v1}: "llm-tagging" version 1, offline plan
 *   <li>{@code video-ingest-llm-v1}: version 1, both LLM calls in parallel
 *   <li>{@code video-ingest-local-steps-v1}: "local-steps" version 1 (normalise, embed and store
 *       as local activities), offline plan
 *   <li>{@code video-ingest-llm-local-steps-v1}: "local-steps" version 1 with the LLM plan
 *   <li>{@code video-ingest-llm-budget-v1}: "creator-llm-budget" version 1, the creator past the
 *       day's budget: tagged offline with the reason
 * </ul>
 */
class VideoIngestReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "video-ingest-done", "video-ingest-offline-v1", "video-ingest-llm-v1",
        "video-ingest-local-steps-v1", "video-ingest-llm-local-steps-v1", "video-ingest-llm-budget-v1"
      })
  void recordedHistoriesReplay(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      WorkflowReplayer.replayWorkflowExecution(json, VideoIngestWorkflowImpl.class);
    }
  }
}
