package io.tagcf.activities.explanations;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The explanation prompt in English and Chinese, as a LangChain4j AI Service with structured
 * output. The prompts live in {@code prompts/explain-v1/}; their version is stored with every
 * explanation the LLM writes.
 */
public interface ExplanationAssistant {

  String PROMPT_VERSION = "explain-v1";

  @SystemMessage(fromResource = "/prompts/explain-v1/en.system.txt")
  @UserMessage(fromResource = "/prompts/explain-v1/en.user.txt")
  ExplanationReply explainEn(@V("evidence") String evidenceJson);

  @SystemMessage(fromResource = "/prompts/explain-v1/zh.system.txt")
  @UserMessage(fromResource = "/prompts/explain-v1/zh.user.txt")
  ExplanationReply explainZh(@V("evidence") String evidenceJson);
}
