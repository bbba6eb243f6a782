package io.tagcf.activities.llm;

import java.time.Duration;

/**
 * How to reach the LLM and how hard to try. The API key never appears in {@link #toString()}.
 *
 * @param maxAttempts attempts per call before the video falls back to the offline tagger
 * @param initialBackoff wait before the first retry; doubles each time (a 429's Retry-After wins)
 * @param concurrency LLM calls in flight per worker
 * @param callsPerSecond LLM calls started per second across all workers of the task queue
 */
public record LlmSettings(
    LlmProvider provider,
    String baseUrl,
    String apiKey,
    String model,
    Duration timeout,
    int maxAttempts,
    Duration initialBackoff,
    int concurrency,
    double callsPerSecond) {

  public LlmSettings {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("TAGCF_LLM_BASE_URL is required when an LLM provider is set");
    }
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("TAGCF_LLM_BASE_URL must be an http(s) URL, got " + baseUrl);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("TAGCF_LLM_MODEL is required when an LLM provider is set");
    }
    if (maxAttempts < 1 || concurrency < 1 || !(callsPerSecond > 0)) {
      throw new IllegalArgumentException("LLM attempts, concurrency and rate must be positive");
    }
  }

  @Override
  public String toString() {
    return "LlmSettings[" + provider.wireName() + " " + baseUrl + " model=" + model + ", timeout=" + timeout
        + ", attempts=" + maxAttempts + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "none" : "set") + "]";
  }
}
