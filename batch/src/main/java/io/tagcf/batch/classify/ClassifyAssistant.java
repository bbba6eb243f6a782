package io.tagcf.batch.classify;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The classification prompt as a LangChain4j AI Service with structured output. The labels are
 * the operator's and go into the instructions; the text is untrusted and goes only into the
 * delimited data block of the user message.
 */
interface ClassifyAssistant {

  /** Stored nowhere, but printed with the results so that runs can be compared. */
  String PROMPT_VERSION = "classify-v1";

  @SystemMessage(fromResource = "/prompts/classify-v1/system.txt")
  @UserMessage(fromResource = "/prompts/classify-v1/user.txt")
  LabelChoice classify(@V("labels") String labels, @V("text") String textJson);
}
