package io.tagcf.workflows.roles;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories recorded from runs of the roles loop must replay against today's workflow code; a
 * change that fails here would break the running loop: guard it with {@code Workflow.getVersion}.
 *
 * <ul>
 *   <li>{@code user-roles-before-ranking}: one run before the ranking profiles existed (no marker)
 *   <li>{@code user-roles-ranking-v1}: "ranking-profiles" version 1, profiles built after the logic
 * </ul>
 */
class UserRoleReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"user-roles-before-ranking", "user-roles-ranking-v1"})
  void recordedHistoriesReplay(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      WorkflowReplayer.replayWorkflowExecution(json, UserRoleWorkflowImpl.class);
    }
  }
}
