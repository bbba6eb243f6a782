package io.tagcf.gateway.effects;

import io.tagcf.workflowapi.effects.EffectRequest;
import java.util.Optional;

/** Starts effect snapshot runs and reports where they are; the gateway's port to the orchestrator. */
public interface SnapshotStarter {

  /**
   * Starts an {@code EffectEstimationWorkflow} run with this id. Blocking.
   *
   * @throws OrchestratorUnavailableException when the orchestrator cannot be reached
   */
  void start(String workflowId, EffectRequest request);

  /**
   * The run with this workflow id; empty when there is none. Blocking.
   *
   * @throws OrchestratorUnavailableException when the orchestrator cannot be reached
   */
  Optional<SnapshotRun> run(String workflowId);
}
