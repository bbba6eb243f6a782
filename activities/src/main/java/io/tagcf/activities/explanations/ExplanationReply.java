package io.tagcf.activities.explanations;

import dev.langchain4j.model.output.structured.Description;
import java.util.List;

/** The structured output the explanation prompt asks for. */
public record ExplanationReply(
    @Description("2 to 4 sentences: how the video did against similar videos, and who engages with it") String summary,
    @Description("at most 5 tag effects, strongest established first") List<DriverReply> drivers,
    @Description("at most 3 things to try, each grounded in the evidence") List<SuggestionReply> suggestions) {

  /** One reported effect. */
  public record DriverReply(
      @Description("the tag's slug") String tag,
      @Description("the segment, as in the evidence") String segment,
      @Description("click, completion or like") String outcome,
      @Description("the effect in percentage points") double effectPp,
      @Description("the 95% interval's lower end in percentage points") double lowPp,
      @Description("the 95% interval's upper end in percentage points") double highPp,
      @Description("one sentence reporting the effect with its interval") String text) {}

  /** One suggestion. */
  public record SuggestionReply(
      @Description("the slug of the tag it is about, or an empty string") String tag,
      @Description("one sentence") String text) {}
}
