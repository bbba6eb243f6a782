package io.tagcf.activities.llm;

import java.util.Locale;

/** The LLM protocols TagCF speaks: OpenAI-compatible (vLLM, hosted models, Ollama's /v1) or Ollama's own. */
public enum LlmProvider {
  OPENAI,
  OLLAMA;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LlmProvider fromWireName(String s) {
    for (LlmProvider p : values()) {
      if (p.wireName().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("TAGCF_LLM_PROVIDER must be openai or ollama, got " + s);
  }
}
