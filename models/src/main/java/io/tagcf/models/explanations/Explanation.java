package io.tagcf.models.explanations;

import java.util.ArrayList;
import java.util.List;

/**
 * An explanation of one video as a writer (the LLM or the template) produced it: a summary, the
 * tags that drove its outcomes, and what to try next, in one language.
 *
 * @param language zh or en
 * @param drivers at most {@link #MAX_DRIVERS}
 * @param suggestions at most {@link #MAX_SUGGESTIONS}
 */
public record Explanation(String language, String summary, List<Driver> drivers, List<Suggestion> suggestions) {

  public static final int MAX_DRIVERS = 5;
  public static final int MAX_SUGGESTIONS = 3;

  public Explanation {
    drivers = drivers == null ? List.of() : List.copyOf(drivers);
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  /**
   * One tag's effect on one outcome in one segment, as the text reports it.
   *
   * @param tag the tag's slug
   * @param effectPp the effect in percentage points, as rounded for the reader
   */
  public record Driver(String tag, String segment, String outcome, double effectPp, double lowPp, double highPp,
      String text) {}

  /** Something to try, and the tag it is about (null when it is about none). */
  public record Suggestion(String tag, String text) {}

  /** Every text of the explanation in reading order: summary, drivers, suggestions. */
  public List<String> texts() {
    List<String> out = new ArrayList<>();
    out.add(summary == null ? "" : summary);
    drivers.forEach(d -> out.add(d.text() == null ? "" : d.text()));
    suggestions.forEach(s -> out.add(s.text() == null ? "" : s.text()));
    return out;
  }

  /** The explanation as one text, its parts on lines of their own. */
  public String fullText() {
    return String.join("\n", texts());
  }
}
