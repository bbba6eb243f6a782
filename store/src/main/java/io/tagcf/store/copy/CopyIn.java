package io.tagcf.store.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** Streams a binary COPY payload into a table over a JDBC connection. */
public final class CopyIn {
  /** Bytes per CopyData message: well under the server's limit on one message, whatever the payload. */
  private static final int MESSAGE = 1 << 20;

  private CopyIn() {}

  /**
   * {@code copySql} is e.g. {@code COPY t (a, b) FROM STDIN (FORMAT BINARY)}. Returns rows copied.
   * The payload is sent from its own array, uncopied; it is finished first and may then be reset.
   */
  public static long binary(Connection connection, String copySql, PgBinaryCopy rows)
      throws SQLException {
    rows.finish();
    org.postgresql.copy.CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      byte[] payload = rows.buffer();
      for (int at = 0; at < rows.length(); at += MESSAGE) {
        copy.writeToCopy(payload, at, Math.min(MESSAGE, rows.length() - at));
      }
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }
}
