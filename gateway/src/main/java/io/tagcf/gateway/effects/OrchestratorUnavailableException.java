package io.tagcf.gateway.effects;

/** The orchestrator could not start or describe a snapshot run; the request may be repeated as is. */
public final class OrchestratorUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OrchestratorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
