package io.tagcf.activities.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the chat model for the configured provider: temperature 0 for repeatable tags, JSON
 * schema structured output, and {@code maxRetries(0)} because Temporal owns retries (with
 * backoff, Retry-After and a fallback once attempts run out).
 */
public final class ChatModels {

  private ChatModels() {}

  public static ChatModel create(LlmSettings s) {
    return switch (s.provider()) {
      case OPENAI -> OpenAiChatModel.builder()
          .baseUrl(s.baseUrl())
          .apiKey(s.apiKey() == null || s.apiKey().isEmpty() ? "none" : s.apiKey())
          .modelName(s.model())
          .temperature(0.0)
          .timeout(s.timeout())
          .maxRetries(0)
          .responseFormat("json_schema")
          .strictJsonSchema(true)
          .httpClientBuilder(RetryAfterHttpClient.builder())
          .build();
      case OLLAMA -> OllamaChatModel.builder()
          .baseUrl(s.baseUrl())
          .modelName(s.model())
          .temperature(0.0)
          .timeout(s.timeout())
          .maxRetries(0)
          .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
          .httpClientBuilder(RetryAfterHttpClient.builder())
          .build();
    };
  }
}
