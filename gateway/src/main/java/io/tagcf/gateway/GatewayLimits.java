package io.tagcf.gateway;

import java.time.Duration;

/**
 * The gateway's bounds on work and time.
 *
 * @param databaseThreads worker threads for database work; at most the gateway pool's connections
 * @param databaseWaiting database requests that may wait for a thread; more are answered 503 at once
 * @param temporalThreads worker threads for work that ends in a Temporal call (uploads, starts)
 * @param temporalWaiting such requests that may wait for a thread
 * @param requestTimeout a request not answered within it gets 503; its work may still finish
 * @param idleTimeout a connection idle for this long is closed
 */
public record GatewayLimits(
    int databaseThreads, int databaseWaiting, int temporalThreads, int temporalWaiting,
    Duration requestTimeout, Duration idleTimeout) {

  public GatewayLimits {
    if (databaseThreads < 1 || temporalThreads < 1 || databaseWaiting < 0 || temporalWaiting < 0) {
      throw new IllegalArgumentException("lane threads must be >= 1 and waiting >= 0");
    }
    if (requestTimeout.toMillis() < 1 || idleTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("request timeout must be >= 1 ms and idle timeout >= 1 s");
    }
  }

  /** Sized for the default gateway pool of 8 connections. */
  public static GatewayLimits defaults() {
    return new GatewayLimits(8, 64, 8, 64, Duration.ofSeconds(10), Duration.ofSeconds(60));
  }
}
