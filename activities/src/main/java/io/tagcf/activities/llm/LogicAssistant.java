package io.tagcf.activities.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The paper's two logic prompts (Fig. 7), one-shot, eight outputs each: what a kind of user
 * watches (U2I) and who watches a kind of content (I2U). Prompts live in {@code prompts/logic-v1/}.
 */
public interface LogicAssistant {

  String PROMPT_VERSION = "logic-v1";

  @SystemMessage(fromResource = "/prompts/logic-v1/system.txt")
  @UserMessage(fromResource = "/prompts/logic-v1/u2i.txt")
  TagListReply preferencesOf(@V("tag") String quotedRoleTag);

  @SystemMessage(fromResource = "/prompts/logic-v1/system.txt")
  @UserMessage(fromResource = "/prompts/logic-v1/i2u.txt")
  TagListReply audiencesOf(@V("tag") String quotedItemTag);
}
