package io.tagcf.models.tagging.llm;

import java.util.List;

/** The tags of an LLM reply that passed, and every problem found; valid when there are none. */
public record TagReplyCheck(List<String> accepted, List<String> problems) {

  public TagReplyCheck {
    accepted = List.copyOf(accepted);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
