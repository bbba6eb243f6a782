package io.tagcf.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool to TagCF's PostgreSQL, with the schema migrated by Flyway. */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final DatabaseUrl url;

  private Database(DatabaseUrl url, int poolSize) {
    this.url = url;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("tagcf");
    config.setConnectionTimeout(10_000);
    // A pool that cannot reach the database at start-up should fail the start, clearly.
    config.setInitializationFailTimeout(10_000);
    this.pool = new HikariDataSource(config);
  }

  /** Opens the pool and brings the schema up to date. */
  public static Database open(DatabaseUrl url, int poolSize) {
    Database db = new Database(url, poolSize);
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private void migrate() {
    Flyway.configure()
        .dataSource(pool)
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
