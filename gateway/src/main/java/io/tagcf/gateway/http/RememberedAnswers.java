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
 * lookup, and an answer that {@code remember} refuses, is not kept.
 *
 * @param <K> what is looked up
 * @param <V> its answer
 */
public final class RememberedAnswers<K, V> {

  private final Vertx vertx;
  private final Predicate<V> remember;
  private final AsyncLoadingCache<K, V> answers;

  /**
   * @param remembered the longest an answer is served after it was read
   * @param maxWeight bound on the total {@code weight} of the remembered answers
   * @param lookup the blocking lookup, run on {@code lane}
   */
  public RememberedAnswers(Vertx vertx, DependencyLane lane, Duration remembered, long maxWeight, ToIntFunction<V> weight,
      Predicate<V> remember, Function<K, V> lookup) {
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
        .<K, V>weigher((k, v) -> weight.applyAsInt(v))
        .expireAfter(new Expiry<K, V>() {
          @Override
          public long expireAfterCreate(K key, V value, long now) {
            return remember.test(value) ? keepNanos : 0;
          }

          @Override
          public long expireAfterUpdate(K key, V value, long now, long current) {
            return expireAfterCreate(key, value, now);
          }

          @Override
          public long expireAfterRead(K key, V value, long now, long current) {
            return current;
          }
        })
        .refreshAfterWrite(Duration.ofNanos(keepNanos * 4 / 5))
        .buildAsync((key, executor) -> lane.execute(() -> lookup.apply(key))
            .toCompletionStage().toCompletableFuture());
  }

  /**
   * The answer for {@code key}: at once when remembered, else when the lookup ends, on the
   * caller's context.
   */
  public Future<V> get(K key) {
    CompletableFuture<V> earlier = answers.getIfPresent(key);
    if (earlier != null
        && (earlier.isCompletedExceptionally() || (earlier.isDone() && !remember.test(earlier.join())))) {
      // A failed or unremembered lookup leaves the cache once its completion is handled, which may
      // not have happened yet: a request that comes after it looks up again.
      answers.asMap().remove(key, earlier);
    }
    CompletableFuture<V> answer = answers.get(key);
    if (answer.isDone() && !answer.isCompletedExceptionally()) {
      return Future.succeededFuture(answer.join());
    }
    return Future.fromCompletionStage(answer, vertx.getOrCreateContext());
  }
}
