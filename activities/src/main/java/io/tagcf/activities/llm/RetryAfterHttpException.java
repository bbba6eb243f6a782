package io.tagcf.activities.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** An HTTP error from the model server that keeps what LangChain4j's own drops: Retry-After. */
public final class RetryAfterHttpException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public RetryAfterHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The Retry-After of the first such exception in {@code t}'s cause chain. */
  public static Optional<Duration> in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RetryAfterHttpException r) {
        return r.retryAfter();
      }
    }
    return Optional.empty();
  }
}
