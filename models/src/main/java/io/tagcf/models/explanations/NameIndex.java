package io.tagcf.models.explanations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds names (tags, roles, segments) in text by their tokens, so that "Pet humour", "pet-humour"
 * and "PET HUMOUR" are one name and "start" does not contain "art": a token is a run of ASCII
 * letters and digits or a single Han character, and a name matches a run of whole tokens. The
 * longest name wins where names overlap.
 */
final class NameIndex {

  /** What a name stands for. */
  enum Kind {
    TAG,
    ROLE,
    SEGMENT
  }

  /** A named thing: its kind and key (a tag's slug, a segment's name). */
  record Named(Kind kind, String key) {}

  /** A name found in a text, with its place there. */
  record Mention(Named named, String form, int start, int end) {}

  private record Token(String text, boolean han, int start, int end) {}

  private static final int MAX_TOKENS = 12;

  private final Map<String, Named> forms = new HashMap<>();

  /** Adds a surface form of {@code named}; blank forms and forms of no tokens are ignored. */
  void add(String form, Named named) {
    if (form == null) {
      return;
    }
    String key = normalise(form);
    if (!key.isEmpty()) {
      forms.putIfAbsent(key, named);
    }
  }

  boolean isEmpty() {
    return forms.isEmpty();
  }

  /** The names of {@code text}, left to right, the longest at each place. */
  List<Mention> find(String text) {
    List<Token> tokens = tokens(text);
    List<Mention> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int matched = 0;
      for (int n = Math.min(MAX_TOKENS, tokens.size() - i); n >= 1 && matched == 0; n--) {
        String key = join(tokens.subList(i, i + n));
        Named named = forms.get(key);
        if (named != null) {
          out.add(new Mention(named, key, tokens.get(i).start(), tokens.get(i + n - 1).end()));
          matched = n;
        }
      }
      i += Math.max(1, matched);
    }
    return out;
  }

  /** The canonical form of a name or a run of text: its tokens, lower case, Han characters unspaced. */
  static String normalise(String text) {
    return join(tokens(text));
  }

  /** How many Han characters, and how many other letters, a text has. */
  static int[] hanAndLatin(String text) {
    int han = 0;
    int latin = 0;
    for (Token t : tokens(text)) {
      if (t.han()) {
        han++;
      } else {
        latin += (int) t.text().chars().filter(Character::isLetter).count();
      }
    }
    return new int[] {han, latin};
  }

  private static String join(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    Token previous = null;
    for (Token t : tokens) {
      if (previous != null && !(previous.han() && t.han())) {
        b.append(' ');
      }
      b.append(t.text());
      previous = t;
    }
    return b.toString();
  }

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    String normal = NumberMentions.normalise(text);
    int i = 0;
    while (i < normal.length()) {
      char ch = normal.charAt(i);
      if (isAsciiAlnum(ch)) {
        int j = i;
        while (j < normal.length() && isAsciiAlnum(normal.charAt(j))) {
          j++;
        }
        out.add(new Token(normal.substring(i, j).toLowerCase(Locale.ROOT), false, i, j));
        i = j;
      } else if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) {
        out.add(new Token(String.valueOf(ch), true, i, i + 1));
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean isAsciiAlnum(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  }
}
