package io.tagcf.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the columns an analysis needs from a CSV file with a header row.
 *
 * <p>A column is numeric when every non-missing value parses as a number, a vector when every
 * value is a bracketed list of the same length, and categorical otherwise. Rows with a missing
 * value (empty, NA, NaN, null, None) in any used column are dropped and counted. Only used
 * columns are kept in memory.
 */
public final class CsvColumns {
  private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "none", "n/a");

  private final List<String> header;
  private final Map<String, TableColumn> columns;
  private final int rows;
  private final int droppedRows;

  private CsvColumns(List<String> header, Map<String, TableColumn> columns, int rows, int droppedRows) {
    this.header = header;
    this.columns = columns;
    this.rows = rows;
    this.droppedRows = droppedRows;
  }

  /** The header of a CSV file, or a bad-input error when there is none. */
  public static List<String> header(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format().parse(in)) {
      List<String> names = parser.getHeaderNames();
      if (names.isEmpty() || (names.size() == 1 && names.get(0).isBlank())) {
        throw new BadInputException("empty file: " + file + " has no header row");
      }
      return List.copyOf(names);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + file + ": no such file");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("cannot parse the header of " + file + ": " + e.getMessage());
    }
  }

  /**
   * Loads the given columns in one pass over the file.
   *
   * <p>Every used column is kept both as numbers (while all its values parse) and as category
   * codes (while it has at most {@value #MAX_LEVELS} distinct values), so its kind can be decided
   * at the end without reading the file twice. Vectors are parsed when a value looks like one.
   *
   * @param required columns that must be numeric, with the role named in errors ("treatment")
   */
  public static CsvColumns load(Path file, List<String> used, Map<String, String> required) {
    List<String> header = header(file);
    for (String name : used) {
      if (!header.contains(name)) {
        throw new BadInputException("unknown column '" + name + "' (the file has: " + String.join(", ", header) + ")");
      }
    }
    int m = used.size();
    Column[] columns = new Column[m];
    for (int j = 0; j < m; j++) {
      columns[j] = new Column(used.get(j));
    }
    boolean[] complete = new boolean[1024];
    int total = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format().parse(in)) {
      int[] index = new int[m];
      for (int j = 0; j < m; j++) {
        index[j] = parser.getHeaderMap().get(used.get(j));
      }
      for (CSVRecord record : parser) {
        if (total == complete.length) {
          complete = Arrays.copyOf(complete, total * 2);
        }
        boolean ok = true;
        for (int j = 0; j < m; j++) {
          String value = index[j] < record.size() ? record.get(index[j]) : "";
          ok &= columns[j].add(total, value, record.getRecordNumber() + 1);
        }
        complete[total] = ok;
        total++;
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      throw new BadInputException("malformed CSV in " + file + ": " + e.getMessage());
    }
    if (total == 0) {
      throw new BadInputException("empty file: " + file + " has a header but no data rows");
    }
    for (Map.Entry<String, String> r : required.entrySet()) {
      int j = used.indexOf(r.getKey());
      Column c = j < 0 ? null : columns[j];
      if (c != null && c.kind() != null && c.kind() != Kind.NUMERIC) {
        throw new BadInputException(r.getValue() + " column '" + r.getKey() + "' is not numeric (" + c.firstText + ")");
      }
    }
    for (Column c : columns) {
      if (c.kind() == null) {
        throw new BadInputException("column '" + c.name + "' has no values (every row is missing)");
      }
      if (c.kind() == Kind.CATEGORICAL && c.levels == null) {
        throw new BadInputException("categorical column '" + c.name + "' has more than " + MAX_LEVELS
            + " levels: almost certainly an identifier, not a covariate");
      }
    }
    int kept = 0;
    for (int i = 0; i < total; i++) {
      if (complete[i]) {
        kept++;
      }
    }
    if (kept == 0) {
      throw new BadInputException("no complete rows: every row of " + file + " misses a value in the used columns");
    }
    Map<String, TableColumn> typed = new LinkedHashMap<>();
    for (Column c : columns) {
      typed.put(c.name, c.compact(complete, total, kept));
    }
    return new CsvColumns(header, typed, kept, total - kept);
  }

  private static final int MAX_LEVELS = 1000;

  /** What a column's values can still be while the file is read. */
  private enum Kind { NUMERIC, CATEGORICAL, VECTOR }

  /** One used column while the file is read: numbers, category codes and vectors side by side. */
  private static final class Column {
    final String name;
    double[] numbers = new double[1024];
    int[] codes = new int[1024];
    double[][] vectors;
    Map<String, Integer> levels = new HashMap<>();
    boolean numeric = true;
    boolean vector = true;
    int vectorLength = -1;
    boolean any;
    String firstText;

    Column(String name) {
      this.name = name;
    }

    /** Records the value of row i; false when it is missing. */
    boolean add(int i, String raw, long line) {
      if (i == numbers.length) {
        numbers = Arrays.copyOf(numbers, i * 2);
        codes = Arrays.copyOf(codes, i * 2);
        if (vectors != null) {
          vectors = Arrays.copyOf(vectors, i * 2);
        }
      }
      if (isMissing(raw)) {
        return false;
      }
      String value = raw.trim();
      any = true;
      if (numeric) {
        double d = parseNumber(value);
        if (Double.isNaN(d)) {
          numeric = false;
        } else {
          numbers[i] = d;
        }
      }
      if (!numeric && firstText == null) {
        firstText = "line " + line + ": '" + value + "'";
      }
      if (vector) {
        double[] v = value.startsWith("[") && value.endsWith("]") ? tryVector(value) : null;
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
      if (levels != null) {
        Integer code = levels.get(value);
        if (code == null) {
          if (levels.size() >= MAX_LEVELS) {
            levels = null;
            return true;
          }
          code = levels.size();
          levels.put(value, code);
        }
        codes[i] = code;
      }
      return true;
    }

    Kind kind() {
      if (!any) {
        return null;
      }
      if (numeric) {
        return Kind.NUMERIC;
      }
      return vector ? Kind.VECTOR : Kind.CATEGORICAL;
    }

    /** The column's typed form over the complete rows only. */
    TableColumn compact(boolean[] complete, int total, int kept) {
      return switch (kind()) {
        case NUMERIC -> new TableColumn.Numeric(name, compactNumbers(complete, total, kept));
        case CATEGORICAL -> {
          String[] byCode = new String[levels.size()];
          levels.forEach((level, code) -> byCode[code] = level);
          yield new TableColumn.Categorical(name, compactCodes(complete, total, kept), Arrays.asList(byCode));
        }
        case VECTOR -> new TableColumn.Vector(name, compactVectors(complete, total, kept));
      };
    }

    double[] compactNumbers(boolean[] complete, int total, int kept) {
      double[] out = new double[kept];
      for (int i = 0, k = 0; i < total; i++) {
        if (complete[i]) {
          out[k++] = numbers[i];
        }
      }
      return out;
    }

    int[] compactCodes(boolean[] complete, int total, int kept) {
      int[] out = new int[kept];
      for (int i = 0, k = 0; i < total; i++) {
        if (complete[i]) {
          out[k++] = codes[i];
        }
      }
      return out;
    }

    double[][] compactVectors(boolean[] complete, int total, int kept) {
      double[][] out = new double[kept][];
      for (int i = 0, k = 0; i < total; i++) {
        if (complete[i]) {
          out[k++] = vectors[i];
        }
      }
      return out;
    }
  }

  /** The number, or NaN when the text is not a finite number. */
  private static double parseNumber(String v) {
    char c = v.isEmpty() ? ' ' : v.charAt(0);
    if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? d : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double[] tryVector(String value) {
    try {
      return parseVector(value);
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static CSVFormat format() {
    return CSVFormat.DEFAULT.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true)
        .setAllowMissingColumnNames(true)
        .get();
  }

  /** Every missing-value token is at most 4 characters: longer values skip the lower-casing. */
  private static final int LONGEST_MISSING = 4;

  private static boolean isMissing(String value) {
    String v = value.trim();
    return v.length() <= LONGEST_MISSING && MISSING.contains(v.toLowerCase(Locale.ROOT));
  }

  /** "[0.1;0.2;0.3]" (separators ; , or blanks) to numbers. */
  static double[] parseVector(String value) {
    String inner = value.trim();
    inner = inner.substring(1, inner.length() - 1).trim();
    if (inner.isEmpty()) {
      throw new NumberFormatException("empty vector");
    }
    String[] parts = inner.split("[;,\\s]+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
      if (!Double.isFinite(out[i])) {
        throw new NumberFormatException("non-finite vector element");
      }
    }
    return out;
  }

  public List<String> header() {
    return header;
  }

  public int rows() {
    return rows;
  }

  public int droppedRows() {
    return droppedRows;
  }

  /** The loaded column of that name. */
  public TableColumn column(String name) {
    TableColumn c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException("column '" + name + "' was not loaded");
    }
    return c;
  }

  /**
   * The values of a column loaded as a required numeric one.
   *
   * @throws BadInputException when the column is not numeric
   */
  public double[] numeric(String name) {
    if (column(name) instanceof TableColumn.Numeric n) {
      return n.values();
    }
    throw new BadInputException("column '" + name + "' is not numeric");
  }

  /** Expands "prefix*" patterns against the header, keeping order and dropping duplicates. */
  public static List<String> expand(List<String> patterns, List<String> header, Set<String> exclude) {
    List<String> out = new ArrayList<>();
    for (String p : patterns) {
      String pattern = p.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      if (pattern.contains("*")) {
        String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
        boolean any = false;
        for (String h : header) {
          if (h.matches(regex) && !exclude.contains(h) && !out.contains(h)) {
            out.add(h);
            any = true;
          }
        }
        if (!any) {
          throw new BadInputException("no column matches '" + pattern + "'");
        }
      } else if (!out.contains(pattern)) {
        out.add(pattern);
      }
    }
    return out;
  }
}
