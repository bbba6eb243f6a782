package io.tagcf.store.copy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** Streams a binary COPY payload into a table over a JDBC connection. */
public final class CopyIn {

  private CopyIn() {}

  /** {@code copySql} is e.g. {@code COPY t (a, b) FROM STDIN (FORMAT BINARY)}. Returns rows copied. */
  public static long binary(Connection connection, String copySql, PgBinaryCopy rows)
      throws SQLException {
    try {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(copySql, new ByteArrayInputStream(rows.finish()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
