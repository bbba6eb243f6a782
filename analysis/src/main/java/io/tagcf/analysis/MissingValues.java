package io.tagcf.analysis;

/**
 * The tokens that mark a value as missing, whatever their case: empty, NA, NaN, null, None, n/a.
 * Checked on the parser's characters, so a value is never copied to be compared.
 */
final class MissingValues {
  private static final char[][] TOKENS = {
    "na".toCharArray(), "nan".toCharArray(), "null".toCharArray(), "none".toCharArray(), "n/a".toCharArray(),
  };

  private MissingValues() {}

  /** Whether the (already trimmed) chars {@code buf[offset, offset + length)} are a missing-value token. */
  static boolean isMissing(char[] buf, int offset, int length) {
    if (length == 0) {
      return true;
    }
    // Every token is at most 4 characters and starts with n: most values are rejected right here.
    if (length > 4 || (buf[offset] | 0x20) != 'n') {
      return false;
    }
    for (char[] token : TOKENS) {
      if (token.length == length && equalsIgnoringAsciiCase(token, buf, offset)) {
        return true;
      }
    }
    return false;
  }

  /** Tokens are lower-case ASCII; only an ASCII letter or '/' can match one of their characters. */
  private static boolean equalsIgnoringAsciiCase(char[] token, char[] buf, int offset) {
    for (int k = 0; k < token.length; k++) {
      char c = buf[offset + k];
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != token[k]) {
        return false;
      }
    }
    return true;
  }
}
