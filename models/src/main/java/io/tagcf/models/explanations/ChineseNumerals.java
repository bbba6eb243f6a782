package io.tagcf.models.explanations;

/**
 * Reads a Chinese numeral (四十二, 三万五千, 一百零五, 四十二点五, 两千) as a number; null when the
 * characters do not form one (百百, 点五点).
 */
final class ChineseNumerals {
  private ChineseNumerals() {}

  static Double parse(String numerals) {
    int point = numerals.indexOf('点');
    String whole = point < 0 ? numerals : numerals.substring(0, point);
    Long integer = whole.isEmpty() ? Long.valueOf(0) : integer(whole);
    if (integer == null) {
      return null;
    }
    if (point < 0) {
      return integer.doubleValue();
    }
    String fraction = numerals.substring(point + 1);
    if (fraction.isEmpty()) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    for (char ch : fraction.toCharArray()) {
      int d = digit(ch);
      if (d < 0) {
        return null;
      }
      digits.append(d);
    }
    return Double.parseDouble(integer + "." + digits);
  }

  /** An integer: digits alone read positionally (二〇二六), otherwise by units up to 亿; null when malformed. */
  private static Long integer(String s) {
    if (s.chars().allMatch(ch -> digit((char) ch) >= 0)) {
      long value = 0;
      for (char ch : s.toCharArray()) {
        value = value * 10 + digit(ch);
      }
      return value;
    }
    long total = 0;
    long section = 0;
    int pending = -1;
    long lastSmallUnit = Long.MAX_VALUE;
    for (char ch : s.toCharArray()) {
      int d = digit(ch);
      if (d == 0) {
        // 零 only marks a skipped place (一百零五).
        continue;
      }
      if (d > 0) {
        if (pending >= 0) {
          return null;
        }
        pending = d;
        continue;
      }
      long unit = switch (ch) {
        case '十' -> 10;
        case '百' -> 100;
        case '千' -> 1_000;
        case '万' -> 10_000;
        case '亿' -> 100_000_000;
        default -> -1;
      };
      if (unit < 0) {
        return null;
      }
      if (unit >= 10_000) {
        section += Math.max(0, pending);
        if (section == 0) {
          return null;
        }
        total += section * unit;
        section = 0;
        lastSmallUnit = Long.MAX_VALUE;
      } else {
        if (unit >= lastSmallUnit) {
          return null;
        }
        // A unit without a digit before it counts once: 十五 is 15.
        section += (pending < 0 ? 1 : pending) * unit;
        lastSmallUnit = unit;
      }
      pending = -1;
    }
    return total + section + Math.max(0, pending);
  }

  private static int digit(char ch) {
    return switch (ch) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }
}
