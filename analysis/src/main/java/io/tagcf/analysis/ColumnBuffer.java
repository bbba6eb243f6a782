package io.tagcf.analysis;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.util.Arrays;
import java.util.Locale;

/**
 * One used column while a range of rows is read: its values as numbers (while all parse), as
 * category codes (while it has at most {@link CsvColumns#MAX_LEVELS} distinct values) and as
 * vectors (while all are bracketed lists of one length), side by side in primitive arrays, so its
 * kind can be decided at the end without reading the file twice. Values come straight from the
 * parser's character buffer; only vectors and new levels become Strings.
 */
final class ColumnBuffer {
  final String name;
  double[] numbers;
  int[] codes;
  double[][] vectors;
  final LevelCodes levels = new LevelCodes(CsvColumns.MAX_LEVELS);
  boolean numeric = true;
  boolean vector = true;
  int vectorLength = -1;
  boolean any;
  /** The first value that is not a number, and the record (0-based in this range) it is on. */
  String firstText;
  long firstTextRecord = -1;
  /** The first number too large for a double or spelt as infinity, and its record; null if none. */
  String firstInfinite;
  long firstInfiniteRecord = -1;

  /** @param capacity rows expected: the buffers grow past it by doubling */
  ColumnBuffer(String name, int capacity) {
    this.name = name;
    this.numbers = new double[capacity];
    this.codes = new int[capacity];
  }

  /** Records the value of row i (chars {@code buf[offset, offset + length)}); false when it is missing. */
  boolean add(int i, char[] buf, int offset, int length) {
    if (i == numbers.length) {
      grow(i * 2);
    }
    // Blanks around a value never count (Commons CSV's surrounding-space rule, then String.trim()).
    int from = offset;
    int to = offset + length;
    while (from < to && buf[from] <= ' ') {
      from++;
    }
    while (to > from && buf[to - 1] <= ' ') {
      to--;
    }
    int n = to - from;
    if (MissingValues.isMissing(buf, from, n)) {
      return false;
    }
    any = true;
    if (numeric) {
      double d = parseNumber(buf, from, n);
      if (Double.isNaN(d)) {
        numeric = false;
        firstText = new String(buf, from, n);
        firstTextRecord = i;
      } else {
        numbers[i] = d;
        if (Double.isInfinite(d) && firstInfinite == null) {
          firstInfinite = new String(buf, from, n);
          firstInfiniteRecord = i;
        }
      }
    }
    if (vector) {
      double[] v = n >= 2 && buf[from] == '[' && buf[to - 1] == ']' ? tryVector(new String(buf, from, n)) : null;
      if (v == null || (vectorLength >= 0 && v.length != vectorLength)) {
        vector = false;
        vectors = null;
      } else {
        vectorLength = v.length;
        if (vectors == null) {
          vectors = new double[numbers.length][];
        }
        vectors[i] = v;
      }
    }
    if (codes != null) {
      int code = levels.code(buf, from, n);
      if (code < 0) {
        // More levels than a covariate can have: the codes will never be used.
        codes = null;
      } else {
        codes[i] = code;
      }
    }
    return true;
  }

  /** Makes room for row i when the row is missing (its slots keep their zero). */
  void skip(int i) {
    if (i == numbers.length) {
      grow(i * 2);
    }
  }

  /** Drops the buffers once the column's values have been copied out. */
  void release() {
    numbers = null;
    codes = null;
    vectors = null;
  }

  private void grow(int capacity) {
    numbers = Arrays.copyOf(numbers, capacity);
    if (codes != null) {
      codes = Arrays.copyOf(codes, capacity);
    }
    if (vectors != null) {
      vectors = Arrays.copyOf(vectors, capacity);
    }
  }

  /**
   * The number (Java's number syntax), infinite for numbers beyond a double's range and for inf or
   * infinity with an optional sign (any case), or NaN when the text is not a number.
   */
  static double parseNumber(char[] buf, int offset, int length) {
    char c = length == 0 ? ' ' : buf[offset];
    if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
      return infinity(buf, offset, length);
    }
    try {
      return JavaDoubleParser.parseDouble(buf, offset, length);
    } catch (NumberFormatException e) {
      return infinity(buf, offset, length);
    }
  }

  private static double infinity(char[] buf, int offset, int length) {
    int from = offset;
    double sign = 1;
    if (length > 0 && (buf[from] == '-' || buf[from] == '+')) {
      sign = buf[from] == '-' ? -1 : 1;
      from++;
    }
    String word = new String(buf, from, offset + length - from).toLowerCase(Locale.ROOT);
    return word.equals("inf") || word.equals("infinity") ? sign * Double.POSITIVE_INFINITY : Double.NaN;
  }

  private static double[] tryVector(String value) {
    try {
      return CsvColumns.parseVector(value);
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }
}
