package io.tagcf.activities.llm;

/**
 * A block of untrusted data in a prompt, between an opening and a closing delimiter. The data must
 * not be able to close the block early (and continue as instructions), so every delimiter is
 * removed from it, until none is left: removing one may join the text around it into another, as
 * in {@code <<<VIDEO_<<<VIDEO_DATADATA}.
 */
public record DataBlock(String open, String close) {

  /** {@code text} with no opening or closing delimiter left in it. */
  public String clean(String text) {
    String previous;
    String out = text;
    do {
      previous = out;
      out = out.replace(open, "").replace(close, "");
    } while (!out.equals(previous));
    return out;
  }
}
