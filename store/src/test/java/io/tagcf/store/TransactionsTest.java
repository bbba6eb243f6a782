package io.tagcf.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Transaction boundaries, on a connection that records what it was asked to do. */
class TransactionsTest {

  private final List<String> calls = new ArrayList<>();

  /** A connection whose rollback fails when {@code brokenRollback}. */
  private DataSource dataSource(boolean brokenRollback) {
    Connection connection = (Connection) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          calls.add(method.getName());
          if (method.getName().equals("rollback") && brokenRollback) {
            throw new SQLException("connection reset");
          }
          return null;
        });
    return (DataSource) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return connection;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void workThatSucceedsIsCommitted() {
    Integer answer = new Transactions(dataSource(false)).inTransaction(c -> 42);
    assertThat(answer).isEqualTo(42);
    assertThat(calls).containsExactly("setAutoCommit", "commit", "close");
  }

  @Test
  void workThatFailsIsRolledBackAndItsFailureThrown() {
    assertThatThrownBy(() -> new Transactions(dataSource(false)).inTransaction(c -> {
      throw new SQLException("duplicate key");
    })).isInstanceOf(StoreException.class).hasRootCauseMessage("duplicate key");
    assertThat(calls).containsExactly("setAutoCommit", "rollback", "close");
  }

  @Test
  void aFailedRollbackIsAttachedToTheOriginalFailureNotThrownInstead() {
    assertThatThrownBy(() -> new Transactions(dataSource(true)).inTransaction(c -> {
      throw new SQLException("duplicate key");
    })).isInstanceOf(StoreException.class)
        .cause()
        .hasMessage("duplicate key")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("connection reset"));

    assertThatThrownBy(() -> new Transactions(dataSource(true)).inTransaction(c -> {
      throw new IllegalStateException("stale content");
    })).isInstanceOf(IllegalStateException.class)
        .hasMessage("stale content")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("connection reset"));
  }
}
