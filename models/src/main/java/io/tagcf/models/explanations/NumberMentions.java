package io.tagcf.models.explanations;

import io.tagcf.models.explanations.NumberMention.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every number an explanation states, in English or Chinese, so that each can be checked
 * against the evidence. The text comes from an LLM and is not trusted: a number that hides in
 * full-width digits, a 万 multiplier or Chinese numerals in a percentage (百分之四十二, 四成) is
 * found as surely as "42%".
 *
 * <p>Chinese numerals are read where they state a proportion (百分之…, …个百分点, …成, …%) or
 * hold a multiplier or decimal point (三万, 四十二点五); a lone 一 or 十 is ordinary language
 * (一个视频, 十分喜欢) and is not read as a number.
 */
public final class NumberMentions {
  // Applied to normalised text (ASCII digits, '.', '%', '+', '-'); the same length as the input.
  private static final Pattern ARABIC = Pattern.compile(
      "(百分之)?(?<![\\d.])([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?![\\d])"
          + "(\\s*(?:%|‰|个百分点|百分点|percentage points?|pp\\b|千|万|亿|k\\b|K\\b|M\\b|成))?");
  private static final String CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点";
  private static final Pattern CHINESE = Pattern.compile(
      "(百分之)?([" + CN_DIGITS + "]+)(%|个百分点|百分点|成)?");

  private NumberMentions() {}

  /** The numbers stated in {@code text}, in order of appearance. */
  public static List<NumberMention> find(String text) {
    String normal = normalise(text);
    List<NumberMention> out = new ArrayList<>();
    Matcher m = ARABIC.matcher(normal);
    while (m.find()) {
      String digits = m.group(3).replace(",", "");
      String fraction = m.group(4);
      double value = Double.parseDouble(fraction == null ? digits : digits + "." + fraction);
      if ("-".equals(m.group(2))) {
        value = -value;
      }
      String unit = m.group(1) != null ? "%" : m.group(5) == null ? "" : m.group(5).strip();
      int decimals = fraction == null ? 0 : fraction.length();
      out.add(withUnit(value, unit, decimals, m.start(), m.end()));
    }
    Matcher c = CHINESE.matcher(normal);
    while (c.find()) {
      String numerals = c.group(2);
      if (!numerals.matches(".*[零〇一二两三四五六七八九].*")) {
        // A unit character alone is a word (百分点, 千万, 点击), not a number.
        continue;
      }
      boolean proportion = c.group(1) != null || c.group(3) != null;
      boolean compound = numerals.matches(".*[十百千万亿点].*") && numerals.length() > 1;
      if (!proportion && !compound) {
        continue;
      }
      Double value = ChineseNumerals.parse(numerals);
      if (value == null) {
        continue;
      }
      int point = numerals.indexOf('点');
      int decimals = point < 0 ? 0 : numerals.length() - point - 1;
      String unit = c.group(1) != null ? "%" : c.group(3) == null ? "" : c.group(3);
      out.add(withUnit(value, unit, decimals, c.start(), c.end()));
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private static NumberMention withUnit(double value, String unit, int decimals, int start, int end) {
    return switch (unit) {
      case "%" -> new NumberMention(value, Kind.PERCENT, decimals, 1, start, end);
      case "‰" -> new NumberMention(value / 10, Kind.PERCENT, decimals, 0.1, start, end);
      case "成" -> new NumberMention(value * 10, Kind.PERCENT, decimals, 10, start, end);
      case "个百分点", "百分点", "pp", "percentage point", "percentage points" ->
          new NumberMention(value, Kind.PERCENTAGE_POINTS, decimals, 1, start, end);
      case "千", "k", "K" -> new NumberMention(value * 1e3, Kind.QUANTITY, decimals, 1e3, start, end);
      case "万" -> new NumberMention(value * 1e4, Kind.QUANTITY, decimals, 1e4, start, end);
      case "亿" -> new NumberMention(value * 1e8, Kind.QUANTITY, decimals, 1e8, start, end);
      case "M" -> new NumberMention(value * 1e6, Kind.QUANTITY, decimals, 1e6, start, end);
      default -> new NumberMention(value, Kind.QUANTITY, decimals, 1, start, end);
    };
  }

  /** Full-width digits and signs to ASCII, one character for one, so that indexes still point into the text. */
  static String normalise(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch >= '０' && ch <= '９') {
        ch = (char) ('0' + (ch - '０'));
      } else if (ch == '．') {
        ch = '.';
      } else if (ch == '％') {
        ch = '%';
      } else if (ch == '－' || ch == '−' || ch == '–') {
        ch = '-';
      } else if (ch == '＋') {
        ch = '+';
      }
      b.append(ch);
    }
    return b.toString();
  }
}
