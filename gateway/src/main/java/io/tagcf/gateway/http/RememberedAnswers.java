package io.tagcf.gateway.http;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Answers of a blocking lookup, remembered for a bounded time and served on the event loop. A
 * remembered answer costs no thread hop. Concurrent requests for one key share a single lookup,
 * and a key still being read is looked up again in the background shortly before its answer
 * expires: without both, every connection misses at the same instant each time an answer expires
 * and the worker pool queues behind the database (the latency tail that wrk showed). A failed
 * lookup, and an answer that {@code remember} refuses, is not kept. Failures are held as values
 * inside the cache, so that a database outage or a full lane does not make the cache log a stack
 * trace per request.
 *
 * @param <K> what is looked up
 * @param <V> its answer
 */
public final class RememberedAnswers<K, V> {

  /** A lookup's outcome: its answer, or why there is none. */
  private record Outcome<V>(V answer, Throwable failure) {}

  private final Vertx vertx;
  private final Predicate<V> remember;
  private final AsyncLoadingCache<K, Outcome<V>> answers;

  /**
   * @param remembered the longest an answer is served after it was read
   * @param maxWeight bound on the total {@code weight} of the remembered answers
   * @param lookup the blocking lookup, run on {@code lane}
   */
  public RememberedAnswers(Vertx vertx, DependencyLane lane, Duration remembered, long maxWeight,
      ToIntFunction<V> weight, Predicate<V> remember, Function<K, V> lookup) {
    this(vertx, lane, remembered, maxWeight, weight, remember, lookup, Ticker.systemTicker());
  }

  /** As the public constructor, on {@code ticker}'s time (tests move it). */
  RememberedAnswers(Vertx vertx, DependencyLane lane, Duration remembered, long maxWeight, ToIntFunction<V> weight,
      Predicate<V> remember, Function<K, V> lookup, Ticker ticker) {
    this.vertx = vertx;
    this.remember = remember;
    long keepNanos = remembered.toNanos();
    this.answers = Caffeine.newBuilder()
        .ticker(ticker)
        .maximumWeight(maxWeight)
        .<K, Outcome<V>>weigher((k, o) -> o.failure() == null ? weight.applyAsInt(o.answer()) : 1)
        .expireAfter(new Expiry<K, Outcome<V>>() {
          @Override
          public long expireAfterCreate(K key, Outcome<V> outcome, long now) {
            return kept(outcome) ? keepNanos : 0;
          }

          @Override
          public long expireAfterUpdate(K key, Outcome<V> outcome, long now, long current) {
            return expireAfterCreate(key, outcome, now);
          }

          @Override
          public long expireAfterRead(K key, Outcome<V> outcome, long now, long current) {
            return current;
          }
        })
        .refreshAfterWrite(Duration.ofNanos(keepNanos * 4 / 5))
        .buildAsync((key, executor) -> lane.execute(() -> lookup.apply(key))
            .<Outcome<V>>transform(r -> Future.succeededFuture(
                r.succeeded() ? new Outcome<>(r.result(), null) : new Outcome<>(null, r.cause())))
            .toCompletionStage().toCompletableFuture());
  }

  private boolean kept(Outcome<V> outcome) {
    return outcome.failure() == null && remember.test(outcome.answer());
  }

  /**
   * The answer for {@code key}: at once when remembered, else when the lookup ends, on the
   * caller's context.
   */
  public Future<V> get(K key) {
    CompletableFuture<Outcome<V>> earlier = answers.getIfPresent(key);
    if (earlier != null && earlier.isDone() && !kept(earlier.join())) {
      // A failed or unremembered lookup leaves the cache once its completion is handled, which may
      // not have happened yet: a request that comes after it looks up again.
      answers.asMap().remove(key, earlier);
    }
    CompletableFuture<Outcome<V>> answer = answers.get(key);
    if (answer.isDone()) {
      return settle(answer.join());
    }
    return Future.fromCompletionStage(answer, vertx.getOrCreateContext()).compose(RememberedAnswers::settle);
  }

  private static <V> Future<V> settle(Outcome<V> outcome) {
    return outcome.failure() == null ? Future.succeededFuture(outcome.answer()) : Future.failedFuture(outcome.failure());
  }
}
