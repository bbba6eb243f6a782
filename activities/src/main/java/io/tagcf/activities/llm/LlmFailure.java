package io.tagcf.activities.llm;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What went wrong with one LLM call, in the platform's terms rather than a client library's: the
 * ingest activities and the batch tools decide on retries from this alone ({@link LlmRetryPolicy}),
 * and its message is what operators and creators see as the fallback reason.
 *
 * @param message short, one line, never echoing the rejected reply
 * @param retryAfter how long the server asked to wait before the next call, or null
 */
public record LlmFailure(Kind kind, String message, Duration retryAfter) {

  /** Kinds of failure, by what a retry can do about them. */
  public enum Kind {
    /** HTTP 429: retry, after the server's Retry-After when it sent one. */
    RATE_LIMITED(true, "LlmRateLimited"),
    /** A 5xx, a timeout or an unreachable server: the next attempt may well succeed. */
    TRANSIENT(true, "LlmTransient"),
    /** The model answered, but not with the requested JSON or not with tags that may be stored. */
    INVALID_REPLY(true, "LlmReplyInvalid"),
    /** HTTP 400: this request is refused (too long, filtered); sending it again changes nothing. */
    REQUEST_REJECTED(false, "LlmRequestRejected"),
    /**
     * HTTP 401, 403 or 404: the key is wrong, or lacks access to the model (providers answer 404
     * for a model the key may not use). Only a configuration change fixes it.
     */
    UNAUTHORISED(false, "LlmUnauthorised");

    private final boolean retryable;
    private final String typeName;

    Kind(boolean retryable, String typeName) {
      this.retryable = retryable;
      this.typeName = typeName;
    }

    public boolean retryable() {
      return retryable;
    }

    /** A stable name of the kind: the Temporal failure type, and what logs and metrics say. */
    public String typeName() {
      return typeName;
    }

    /** The type names of the kinds no retry can fix. */
    public static List<String> nonRetryableTypeNames() {
      return Arrays.stream(values()).filter(k -> !k.retryable).map(Kind::typeName).toList();
    }
  }

  public LlmFailure {
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
  }

  public static LlmFailure of(Kind kind, String message) {
    return new LlmFailure(kind, message, null);
  }

  public boolean retryable() {
    return kind.retryable();
  }
}
