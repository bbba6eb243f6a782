package io.tagcf.activities.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.service.output.OutputParsingException;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Maps what can go wrong with an LLM call onto Temporal failures: what a retry may fix stays
 * retryable (bad reply, 429 after its Retry-After, 5xx, timeout, unreachable server); what it
 * cannot is not (authentication, unknown model, rejected request). Once retries are used up the
 * workflow falls back to the offline tagger and stores the failure's message as the reason.
 */
public final class LlmFailures {

  public static final String REPLY_INVALID = "LlmReplyInvalid";
  public static final String RATE_LIMITED = "LlmRateLimited";
  public static final String SERVER_ERROR = "LlmServerError";
  public static final String TIMEOUT = "LlmTimeout";
  public static final String UNREACHABLE = "LlmUnreachable";
  public static final String REQUEST_REJECTED = "LlmRequestRejected";

  private LlmFailures() {}

  public static ApplicationFailure of(RuntimeException e) {
    if (e instanceof LlmReplyRejectedException) {
      return retryable(e.getMessage(), REPLY_INVALID, null);
    }
    if (e instanceof OutputParsingException || hasCause(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
      return retryable("LLM reply is not the requested JSON: " + brief(e), REPLY_INVALID, null);
    }
    if (e instanceof RateLimitException) {
      Duration wait = RetryAfterHttpException.in(e).orElse(null);
      return retryable("LLM rate limited (HTTP 429" + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + " s") + ")",
          RATE_LIMITED, wait);
    }
    if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)) {
      return retryable("LLM call timed out", TIMEOUT, null);
    }
    if (e instanceof InternalServerException) {
      return retryable("LLM server error: " + brief(e), SERVER_ERROR, null);
    }
    if (e instanceof AuthenticationException || e instanceof ModelNotFoundException || e instanceof InvalidRequestException) {
      return ApplicationFailure.newBuilder().setType(REQUEST_REJECTED).setNonRetryable(true)
          .setMessage("LLM refused the request: " + brief(e)).build();
    }
    return retryable("LLM call failed: " + brief(e), UNREACHABLE, null);
  }

  private static ApplicationFailure retryable(String message, String type, Duration delay) {
    ApplicationFailure.Builder b = ApplicationFailure.newBuilder().setType(type).setMessage(message);
    if (delay != null) {
      b.setNextRetryDelay(delay);
    }
    return b.build();
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** The root message, short: it is stored as the fallback reason and shown to operators. */
  private static String brief(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
