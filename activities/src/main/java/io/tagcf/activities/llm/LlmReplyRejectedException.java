package io.tagcf.activities.llm;

import java.util.List;

/** The model answered, but not with something that may be stored. */
public final class LlmReplyRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmReplyRejectedException(List<String> problems) {
    super("LLM reply rejected: " + String.join("; ", problems));
  }
}
