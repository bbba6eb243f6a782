package io.tagcf.activities.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.service.output.OutputParsingException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The LangChain4j boundary of the LLM error model: what a model client or our reply validation
 * threw, as an {@link LlmFailure}. LangChain4j maps 401 to 403 to {@code AuthenticationException},
 * 404 to {@code ModelNotFoundException} and the other 4xx to {@code InvalidRequestException}. Messages are short and never echo a rejected reply: they are
 * stored as the fallback reason and shown to operators.
 */
public final class LlmFailureClassifier {

  private LlmFailureClassifier() {}

  public static LlmFailure classify(RuntimeException e) {
    if (e instanceof LlmReplyRejectedException) {
      return LlmFailure.of(LlmFailure.Kind.INVALID_REPLY, e.getMessage());
    }
    if (e instanceof OutputParsingException || hasCause(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
      return LlmFailure.of(LlmFailure.Kind.INVALID_REPLY, "LLM reply is not the requested JSON: " + brief(e));
    }
    if (e instanceof RateLimitException) {
      Duration wait = RetryAfterHttpException.in(e).orElse(null);
      return new LlmFailure(LlmFailure.Kind.RATE_LIMITED,
          "LLM rate limited (HTTP 429" + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + " s") + ")", wait);
    }
    if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)) {
      return LlmFailure.of(LlmFailure.Kind.TRANSIENT, "LLM call timed out");
    }
    if (e instanceof InternalServerException) {
      return LlmFailure.of(LlmFailure.Kind.TRANSIENT, "LLM server error: " + brief(e));
    }
    if (e instanceof AuthenticationException || e instanceof ModelNotFoundException) {
      return LlmFailure.of(LlmFailure.Kind.UNAUTHORISED, "LLM refused the request: " + brief(e));
    }
    if (e instanceof InvalidRequestException) {
      return LlmFailure.of(LlmFailure.Kind.REQUEST_REJECTED, "LLM refused the request: " + brief(e));
    }
    return LlmFailure.of(LlmFailure.Kind.TRANSIENT, "LLM call failed: " + brief(e));
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
