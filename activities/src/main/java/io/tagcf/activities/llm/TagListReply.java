package io.tagcf.activities.llm;

import dev.langchain4j.model.output.structured.Description;
import java.util.List;

/** The structured output both tagging prompts ask for. */
public record TagListReply(@Description("8-10 short tags, most relevant first") List<String> tags) {}
