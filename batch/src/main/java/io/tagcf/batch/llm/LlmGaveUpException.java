package io.tagcf.batch.llm;

/** Every attempt at an LLM call failed; the message says why and is recorded as the fallback reason. */
public final class LlmGaveUpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmGaveUpException(String message) {
    super(message);
  }
}
