package io.tagcf.workflows.explanations;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded histories must replay against today's workflow code; a change that fails here would
 * break explanation runs in flight: guard it with {@code Workflow.getVersion}.
 *
 * <ul>
 *   <li>{@code explanation-llm-passed}: plan, the LLM's draft on the LLM queue, verify-and-store
 *       (recorded by {@link ExplanationWorkflowTest})
 * </ul>
 */
class ExplanationReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"explanation-llm-passed"})
  void recordedHistoriesReplay(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      WorkflowReplayer.replayWorkflowExecution(json, ExplanationWorkflowImpl.class);
    }
  }
}
