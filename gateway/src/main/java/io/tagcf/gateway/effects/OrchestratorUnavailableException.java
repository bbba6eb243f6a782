package io.tagcf.gateway.effects;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The orchestrator could not start or describe a run; the request may be repeated as is. */
public final class OrchestratorUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(OrchestratorUnavailableException.class);

  public OrchestratorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The 503 a client gets, saying only {@code detail}; why Temporal could not be reached goes to
   * the log, for operators.
   */
  public ProblemException toProblem(String detail) {
    log.warn("{}: {}", getMessage(), Objects.toString(getCause(), ""));
    return new ProblemException(Problem.of(503, "Service unavailable", detail));
  }
}
