package io.tagcf.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool to TagCF's PostgreSQL, with the schema migrated by Flyway. */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final DatabaseUrl url;

  private Database(DatabaseUrl url, PoolSettings settings) {
    this.url = url;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(settings.size());
    config.setPoolName(settings.name());
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    // Server-side: a statement running longer is cancelled (SQLSTATE 57014).
    config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
    // PgJDBC counts this one in seconds; 0 means wait for ever.
    config.addDataSourceProperty("socketTimeout", Long.toString(ceilSeconds(settings.socketTimeout())));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // A pool that cannot reach the database at start-up should fail the start, clearly.
    config.setInitializationFailTimeout(10_000);
    this.pool = new HikariDataSource(config);
  }

  /** Opens a pool for a command-line tool ({@link PoolSettings#tool}) and brings the schema up to date. */
  public static Database open(DatabaseUrl url, int poolSize) {
    return open(url, PoolSettings.tool(poolSize));
  }

  /** Opens the pool and brings the schema up to date. */
  public static Database open(DatabaseUrl url, PoolSettings settings) {
    Database db = new Database(url, settings);
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static long ceilSeconds(Duration d) {
    return d.isZero() ? 0 : Math.max(1, (d.toMillis() + 999) / 1000);
  }

  private void migrate() {
    Flyway.configure()
        // Its own connections, outside the pool: a migration may rewrite a large table, and the
        // pool's statement limit is for requests.
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return pool;
  }

  public DatabaseUrl url() {
    return url;
  }

  /** True when a connection can be taken and answers a trivial query within the timeout. */
  public boolean isReachable() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
