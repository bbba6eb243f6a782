package io.tagcf.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs a unit of JDBC work in one transaction: all of it is written, or none. */
public final class Transactions {

  /** JDBC work that may throw. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackKeeping(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Rolls back; if that fails too (the connection broke, which is often why the work failed), the
   * rollback's exception is attached to the work's, which stays the one thrown: it says what went
   * wrong first.
   */
  private static void rollbackKeeping(Connection c, Exception original) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException rollback) {
      original.addSuppressed(rollback);
    }
  }

  /**
   * Runs read-only work in a transaction that is rolled back at the end. Inside a transaction the
   * PostgreSQL driver honours {@code setFetchSize} and streams a large result through a cursor; with
   * autocommit on it would read the whole result into the heap first.
   */
  public <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      c.setAutoCommit(false);
      T result;
      try {
        result = work.run(c);
      } catch (SQLException | RuntimeException e) {
        rollbackKeeping(c, e);
        throw e;
      }
      c.rollback();
      return result;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
