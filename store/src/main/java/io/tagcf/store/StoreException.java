package io.tagcf.store;

import java.sql.SQLException;

/** A database failure; retryable by whoever owns retries (Temporal for activities). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
