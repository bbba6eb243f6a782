package io.tagcf.gateway.explanations;

import io.tagcf.workflowapi.explanations.ExplanationRequest;

/** Starts explanation runs, or joins one in progress; the gateway's port to the orchestrator. */
public interface ExplanationStarter {

  /** What a start did. */
  enum Start {
    STARTED,
    JOINED
  }

  /**
   * Starts an {@code ExplanationWorkflow} run with this id, or joins the one that runs. Blocking.
   *
   * @throws io.tagcf.gateway.effects.OrchestratorUnavailableException when the orchestrator cannot be reached
   */
  Start start(String workflowId, ExplanationRequest request);
}
