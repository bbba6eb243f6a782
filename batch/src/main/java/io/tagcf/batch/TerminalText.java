package io.tagcf.batch;

/**
 * Text from input files made safe to print on a terminal. A field name or value can hold escape
 * sequences (ESC [ …) that recolour, retitle or rewrite the user's terminal, or bidirectional
 * overrides that make a line read differently from what it is; each such character is shown as
 * its {@code \}{@code uXXXX} escape instead.
 */
public final class TerminalText {

  private TerminalText() {}

  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** C0 and C1 controls but the line break and tab, DEL, and the bidirectional controls. */
  private static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
        || c == 0x061c;
  }
}
