package io.tagcf.workflows.effects;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded histories must replay against today's workflow code. A change that fails here would
 * break snapshot runs in flight (a run lasts as long as its slowest shard, up to hours): guard it
 * with {@code Workflow.getVersion}.
 *
 * <ul>
 *   <li>{@code effect-estimation-published}: prepare, three shards in parallel, publish (written
 *       to {@code target/replay} by {@link EffectEstimationWorkflowTest}'s happy path)
 * </ul>
 */
class EffectEstimationReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"effect-estimation-published", "effect-estimation-explained-v1"})
  void recordedHistoriesReplay(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      WorkflowReplayer.replayWorkflowExecution(json, EffectEstimationWorkflowImpl.class);
    }
  }
}
