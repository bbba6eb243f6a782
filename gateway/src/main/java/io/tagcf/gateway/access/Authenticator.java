package io.tagcf.gateway.access;

import io.tagcf.gateway.http.DependencyLane;
import io.tagcf.gateway.http.RememberedAnswers;
import io.tagcf.models.access.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks presented keys up, remembering each answer (unknown keys included, so that guessing does
 * not reach the database) for at most {@link #REMEMBERED}: a revoked key stops working within
 * that time.
 */
final class Authenticator {

  /** How long an answer is remembered: the longest a revoked key keeps working. */
  static final Duration REMEMBERED = Duration.ofSeconds(5);

  private final RememberedAnswers<String, Optional<Principal>> answers;

  Authenticator(Vertx vertx, DependencyLane lane, KeyStore keys) {
    this.answers = new RememberedAnswers<>(vertx, lane, REMEMBERED, 100_000, p -> 1, p -> true, keys::principal);
  }

  Future<Optional<Principal>> authenticate(String token) {
    return answers.get(token);
  }
}
