package io.tagcf.activities.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The paper's two tagging prompts (interest tags; target audiences) in Chinese and English, as a
 * LangChain4j AI Service with structured output. The prompts live in
 * {@code prompts/tagging-v1/}; their version is stored with every tag they produce.
 */
public interface VideoTaggingAssistant {

  String PROMPT_VERSION = "tagging-v1";

  @SystemMessage(fromResource = "/prompts/tagging-v1/item.en.system.txt")
  @UserMessage(fromResource = "/prompts/tagging-v1/item.en.user.txt")
  TagListReply itemTagsEn(@V("video") String videoJson);

  @SystemMessage(fromResource = "/prompts/tagging-v1/item.zh.system.txt")
  @UserMessage(fromResource = "/prompts/tagging-v1/item.zh.user.txt")
  TagListReply itemTagsZh(@V("video") String videoJson);

  @SystemMessage(fromResource = "/prompts/tagging-v1/audience.en.system.txt")
  @UserMessage(fromResource = "/prompts/tagging-v1/audience.en.user.txt")
  TagListReply audienceTagsEn(@V("video") String videoJson);

  @SystemMessage(fromResource = "/prompts/tagging-v1/audience.zh.system.txt")
  @UserMessage(fromResource = "/prompts/tagging-v1/audience.zh.user.txt")
  TagListReply audienceTagsZh(@V("video") String videoJson);
}
