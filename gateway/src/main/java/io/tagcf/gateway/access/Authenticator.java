package io.tagcf.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tagcf.models.access.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks presented keys up, remembering each answer (unknown keys included, so that guessing does
 * not reach the database) for {@link #REMEMBERED}: a revoked key stops working within that time.
 * A remembered answer costs no thread hop; a lookup runs on a worker thread.
 */
final class Authenticator {

  /** How long an answer is remembered: the longest a revoked key keeps working. */
  static final Duration REMEMBERED = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final KeyStore keys;
  private final Cache<String, Optional<Principal>> answers;

  Authenticator(Vertx vertx, KeyStore keys) {
    this.vertx = vertx;
    this.keys = keys;
    this.answers = Caffeine.newBuilder().expireAfterWrite(REMEMBERED).maximumSize(100_000).build();
  }

  Future<Optional<Principal>> authenticate(String token) {
    Optional<Principal> known = answers.getIfPresent(token);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return vertx.executeBlocking(() -> {
      Optional<Principal> principal = keys.principal(token);
      answers.put(token, principal);
      return principal;
    }, false);
  }
}
