package io.tagcf.gateway.ingest;

/** The orchestrator could not take the request; the upload may be retried as is. */
public final class IngestUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
