package io.tagcf.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Token buckets per key (Bucket4j): one for all requests, sized by the key's role, and a smaller
 * one for uploads, each of which may start tagging work (LLM calls when an LLM is configured).
 * Buckets of keys idle for 10 minutes are forgotten, and start full again.
 */
public final class RateLimits {

  /**
   * Requests per second a key may make, by role, with bursts of twice that; uploads per minute, by
   * role, in bursts of as many.
   *
   * @param creatorPerSecond a creator key's rate
   * @param servicePerSecond a service or admin key's rate
   * @param creatorUploadsPerMinute uploads a creator key may make per minute
   * @param serviceUploadsPerMinute uploads a service or admin key (an ingestion pipeline) may make per minute
   */
  public record Settings(long creatorPerSecond, long servicePerSecond, long creatorUploadsPerMinute,
      long serviceUploadsPerMinute) {
    public Settings {
      if (creatorPerSecond < 1 || servicePerSecond < 1 || creatorUploadsPerMinute < 1 || serviceUploadsPerMinute < 1) {
        throw new IllegalArgumentException("rate limits must be positive");
      }
    }

    public static Settings defaults() {
      return new Settings(50, 10_000, 120, 6_000);
    }
  }

  private final Settings settings;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(1_000_000).build();

  public RateLimits(Settings settings) {
    this.settings = settings;
  }

  /**
   * Takes one request's token, and an upload's when {@code upload}.
   *
   * @return empty when the request may go on; otherwise how many seconds to wait (at least 1)
   */
  public OptionalLong take(Principal principal, boolean upload) {
    boolean creator = principal.role() == AccessRole.CREATOR;
    long perSecond = creator ? settings.creatorPerSecond() : settings.servicePerSecond();
    Bucket requests = buckets.get(principal.keyId(), k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(2 * perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
        .build());
    ConsumptionProbe probe = requests.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      return OptionalLong.of(seconds(probe));
    }
    if (upload) {
      long perMinute = creator ? settings.creatorUploadsPerMinute() : settings.serviceUploadsPerMinute();
      Bucket uploads = buckets.get(principal.keyId() + "/uploads", k -> Bucket.builder()
          .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
          .build());
      ConsumptionProbe upload1 = uploads.tryConsumeAndReturnRemaining(1);
      if (!upload1.isConsumed()) {
        return OptionalLong.of(seconds(upload1));
      }
    }
    return OptionalLong.empty();
  }

  private static long seconds(ConsumptionProbe probe) {
    return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
  }
}
