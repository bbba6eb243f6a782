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

  @Test
  void readsRunInAReadOnlyTransactionSoThatFetchSizesStream() {
    Integer answer = new Transactions(dataSource(false)).read(c -> 7);
    assertThat(answer).isEqualTo(7);
    assertThat(calls).containsExactly("setReadOnly", "setAutoCommit", "rollback", "close");
  }

  @Test
  void aFailedReadKeepsItsFailureWhenTheRollbackFailsToo() {
    assertThatThrownBy(() -> new Transactions(dataSource(true)).read(c -> {
      throw new IllegalStateException("bad query");
    })).isInstanceOf(IllegalStateException.class)
        .hasMessage("bad query")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("connection reset"));
  }

  @Test
  void onTheRealDatabaseAReadIsATransactionInWhichFetchSizesApply() {
    try (Database db = TestDatabase.fresh()) {
      long rows = new Transactions(db.dataSource()).read(c -> {
        assertThat(c.getAutoCommit()).isFalse();
        long n = 0;
        try (var ps = c.prepareStatement("SELECT g FROM generate_series(1, 50000) g")) {
          ps.setFetchSize(1_000);
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              n++;
            }
          }
        }
        return n;
      });
      assertThat(rows).isEqualTo(50_000);
    }
  }
}
