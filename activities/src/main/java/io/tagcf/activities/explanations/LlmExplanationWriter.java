package io.tagcf.activities.explanations;

import dev.langchain4j.service.AiServices;
import io.tagcf.activities.llm.ChatModels;
import io.tagcf.activities.llm.DataBlock;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.Explanation;
import io.tagcf.models.explanations.ExplanationJson;
import java.util.List;

/**
 * Asks the LLM for an explanation of one video from its evidence, passed as delimited JSON data,
 * and turns the structured reply into an {@link Explanation}. The reply is not trusted here: the
 * verifier decides whether it may be shown.
 */
public final class LlmExplanationWriter {

  private static final DataBlock BLOCK = new DataBlock("<<<EVIDENCE", "EVIDENCE>>>");

  private final ExplanationAssistant assistant;
  private final LlmSettings settings;

  public LlmExplanationWriter(ExplanationAssistant assistant, LlmSettings settings) {
    this.assistant = assistant;
    this.settings = settings;
  }

  public static LlmExplanationWriter create(LlmSettings settings) {
    return new LlmExplanationWriter(
        AiServices.builder(ExplanationAssistant.class).chatModel(ChatModels.create(settings)).build(), settings);
  }

  /**
   * @throws RuntimeException LangChain4j's exceptions for transport, HTTP and parsing failures
   */
  public LlmDraft draft(Evidence evidence, String language) {
    String payload = payload(evidence);
    ExplanationReply reply = "zh".equals(language) ? assistant.explainZh(payload) : assistant.explainEn(payload);
    return new LlmDraft(explanation(reply, language), settings.provider().wireName(), settings.model(),
        ExplanationAssistant.PROMPT_VERSION);
  }

  /** The evidence as the prompt's data block, with anything that would close the block removed. */
  static String payload(Evidence evidence) {
    return BLOCK.clean(ExplanationJson.evidence(evidence));
  }

  private static Explanation explanation(ExplanationReply reply, String language) {
    if (reply == null) {
      return new Explanation(language, null, List.of(), List.of());
    }
    List<Explanation.Driver> drivers = reply.drivers() == null ? List.of() : reply.drivers().stream()
        .map(d -> new Explanation.Driver(d.tag(), d.segment(), d.outcome(), d.effectPp(), d.lowPp(), d.highPp(),
            d.text()))
        .toList();
    List<Explanation.Suggestion> suggestions = reply.suggestions() == null ? List.of() : reply.suggestions().stream()
        .map(s -> new Explanation.Suggestion(s.tag() == null || s.tag().isBlank() ? null : s.tag(), s.text()))
        .toList();
    return new Explanation(language, reply.summary(), drivers, suggestions);
  }
}
