package io.tagcf.batch.llm;

/**
 * The LLM server refused the request itself (bad API key, unknown model, rejected request). A batch
 * stops on it: falling back for every remaining line would fill the output with offline results
 * that a resumed run then keeps.
 */
public final class LlmRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmRefusedException(String message) {
    super(message);
  }
}
