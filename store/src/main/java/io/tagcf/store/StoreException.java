package io.tagcf.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A database failure; retryable by whoever owns retries (Temporal for activities). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean unavailable;

  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
    this.unavailable = unavailable(cause);
  }

  public StoreException(String message) {
    super(message);
    this.unavailable = false;
  }

  /**
   * Whether the database could not be reached or took no more work (no connection from the pool
   * in time, connection refused or lost, shutting down, too many connections, a statement
   * cancelled by {@code statement_timeout} or by the server), as against a
   * failure of the statement itself: the first passes, the second is a bug or bad data.
   */
  public boolean isUnavailable() {
    return unavailable;
  }

  private static boolean unavailable(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (x instanceof SQLTransientConnectionException
          || (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
              || state.equals("57014")))) {
        return true;
      }
    }
    return false;
  }
}
