package io.tagcf.store;

import java.time.Duration;

/**
 * One connection pool's limits. The gateway and the workers each get their own pool so that a
 * busy worker cannot take the connections that reads need, and the gateway's are short: a client
 * waiting on a slow database is better answered 503 at once than after minutes.
 *
 * @param name the pool's name in logs and metrics
 * @param size most connections open at once
 * @param connectionTimeout how long a caller waits for a free connection before the store reports
 *     the database unavailable
 * @param statementTimeout PostgreSQL's {@code statement_timeout} on every connection; zero for none
 * @param socketTimeout how long a read from the server may block; zero for no limit. Guards against
 *     a connection whose peer vanished without a reset.
 */
public record PoolSettings(
    String name, int size, Duration connectionTimeout, Duration statementTimeout, Duration socketTimeout) {

  public PoolSettings {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("pool name must not be blank");
    }
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be at least 1: " + size);
    }
    // HikariCP refuses a connection timeout under 250 ms.
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connection timeout must be at least 250 ms: " + connectionTimeout);
    }
    if (statementTimeout.isNegative() || socketTimeout.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /** What command-line tools use: a few connections, generous waits, no statement limit. */
  public static PoolSettings tool(int size) {
    return new PoolSettings("tagcf", size, Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO);
  }
}
