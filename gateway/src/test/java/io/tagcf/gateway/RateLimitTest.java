package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.access.RateLimits;
import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.video.StoredVideo;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits per key: a burst of twice the rate, then 429 with Retry-After; uploads apart and lower. */
class RateLimitTest {

  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = GatewayHarness.start(new RateLimits.Settings(2, 1_000, 1, 3));
    gateway.videos.put(new StoredVideo(new VideoSubmission("v-1", "c-1", "a video", null, null, null, 30.0, "en", null),
        "h", IngestStage.DONE, "video-ingest/v-1", null, Instant.EPOCH, Instant.EPOCH));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void aCreatorKeyPastItsBurstGets429WithRetryAfterAndOtherKeysGoOn() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    for (int i = 0; i < 4; i++) {
      assertThat(gateway.get("/v1/videos/v-1").status()).as("request %d of the burst", i + 1).isEqualTo(200);
    }
    Reply limited = gateway.get("/v1/videos/v-1");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.headers().get("Retry-After"))).isBetween(1, 2);
    assertThat(limited.json().getString("title")).isEqualTo("Too many requests");

    gateway.presenting(FakeKeyStore.CREATOR_2);
    assertThat(gateway.get("/v1/videos/v-1").status()).as("another key's bucket").isEqualTo(404);
  }

  @Test
  void uploadsHaveTheirOwnLowerLimit() {
    gateway.presenting(FakeKeyStore.SERVICE);
    for (int i = 0; i < 3; i++) {
      Reply r = gateway.postJson("/v1/videos", "{\"videoId\":\"v-up-" + i + "\",\"creatorId\":\"c-1\",\"title\":\"t\"}");
      assertThat(r.status()).as(r.text()).isEqualTo(202);
    }
    Reply limited = gateway.postJson("/v1/videos", "{\"videoId\":\"v-up-9\",\"creatorId\":\"c-1\",\"title\":\"t\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().getString("detail")).contains("uploads have their own, lower limit");
    assertThat(gateway.videos.stored("v-up-9")).isEmpty();
    // Reads by the same key are not held back by its uploads.
    assertThat(gateway.get("/v1/videos/v-1").status()).isEqualTo(200);
  }
}
