package io.tagcf.ops.estimate;

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
 * <p>Two passes: the first decides each used column's kind (a column is numeric when every
 * non-missing value parses as a number), the second loads the values. Rows with a missing value
 * (empty, NA, NaN, null, None) in any used column are dropped and counted. Only used columns are
 * kept in memory, as doubles or as category codes, so a million-row file costs tens of megabytes.
 */
public final class CsvColumns {
  private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "none", "n/a");

  private final List<String> header;
  private final Map<String, ColumnKind> kinds;
  private final Map<String, double[]> numeric;
  private final Map<String, int[]> codes;
  private final Map<String, List<String>> levels;
  private final Map<String, double[][]> vectors;
  private final int rows;
  private final int droppedRows;

  private CsvColumns(List<String> header, Map<String, ColumnKind> kinds, Map<String, double[]> numeric,
      Map<String, int[]> codes, Map<String, List<String>> levels, Map<String, double[][]> vectors, int rows,
      int droppedRows) {
    this.header = header;
    this.kinds = kinds;
    this.numeric = numeric;
    this.codes = codes;
    this.levels = levels;
    this.vectors = vectors;
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
   * Loads the given columns.
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
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    Map<String, Integer> vectorLength = new HashMap<>();
    Map<String, String> firstText = new HashMap<>();
    int total = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format().parse(in)) {
      for (String name : used) {
        kinds.put(name, null);
      }
      for (CSVRecord record : parser) {
        total++;
        for (String name : used) {
          String value = cell(record, name);
          if (isMissing(value)) {
            continue;
          }
          ColumnKind kind = kinds.get(name);
          ColumnKind seen = classify(value);
          if (seen == ColumnKind.VECTOR) {
            int length = parseVector(value).length;
            Integer previous = vectorLength.putIfAbsent(name, length);
            if (previous != null && previous != length) {
              seen = ColumnKind.CATEGORICAL;
            }
          }
          if (kind == null) {
            kinds.put(name, seen);
          } else if (kind != seen && kind != ColumnKind.CATEGORICAL) {
            kinds.put(name, ColumnKind.CATEGORICAL);
          }
          if (seen != ColumnKind.NUMERIC && !firstText.containsKey(name)) {
            firstText.put(name, "line " + (record.getRecordNumber() + 1) + ": '" + value + "'");
          }
        }
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
      ColumnKind kind = kinds.get(r.getKey());
      if (kind != null && kind != ColumnKind.NUMERIC) {
        throw new BadInputException(r.getValue() + " column '" + r.getKey() + "' is not numeric ("
            + firstText.get(r.getKey()) + ")");
      }
    }
    for (String name : used) {
      if (kinds.get(name) == null) {
        throw new BadInputException("column '" + name + "' has no values (every row is missing)");
      }
    }
    return second(file, header, used, kinds, total);
  }

  private static CsvColumns second(Path file, List<String> header, List<String> used, Map<String, ColumnKind> kinds,
      int total) {
    Map<String, double[]> numeric = new HashMap<>();
    Map<String, int[]> codes = new HashMap<>();
    Map<String, Map<String, Integer>> dictionary = new HashMap<>();
    Map<String, double[][]> vectors = new HashMap<>();
    for (String name : used) {
      switch (kinds.get(name)) {
        case NUMERIC -> numeric.put(name, new double[total]);
        case CATEGORICAL -> {
          codes.put(name, new int[total]);
          dictionary.put(name, new HashMap<>());
        }
        case VECTOR -> vectors.put(name, new double[total][]);
      }
    }
    int kept = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format().parse(in)) {
      rows:
      for (CSVRecord record : parser) {
        for (String name : used) {
          if (isMissing(cell(record, name))) {
            continue rows;
          }
        }
        for (String name : used) {
          String value = cell(record, name).trim();
          switch (kinds.get(name)) {
            case NUMERIC -> numeric.get(name)[kept] = Double.parseDouble(value);
            case CATEGORICAL -> {
              Map<String, Integer> dict = dictionary.get(name);
              Integer code = dict.get(value);
              if (code == null) {
                code = dict.size();
                dict.put(value, code);
              }
              codes.get(name)[kept] = code;
            }
            case VECTOR -> vectors.get(name)[kept] = parseVector(value);
          }
        }
        kept++;
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    }
    if (kept == 0) {
      throw new BadInputException("no complete rows: every row of " + file + " misses a value in the used columns");
    }
    Map<String, List<String>> levels = new HashMap<>();
    for (Map.Entry<String, Map<String, Integer>> e : dictionary.entrySet()) {
      String[] byCode = new String[e.getValue().size()];
      e.getValue().forEach((level, code) -> byCode[code] = level);
      levels.put(e.getKey(), Arrays.asList(byCode));
    }
    final int n = kept;
    numeric.replaceAll((k, v) -> Arrays.copyOf(v, n));
    codes.replaceAll((k, v) -> Arrays.copyOf(v, n));
    vectors.replaceAll((k, v) -> Arrays.copyOf(v, n));
    return new CsvColumns(header, kinds, numeric, codes, levels, vectors, kept, total - kept);
  }

  private static CSVFormat format() {
    return CSVFormat.DEFAULT.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true)
        .setAllowMissingColumnNames(true)
        .get();
  }

  private static String cell(CSVRecord record, String name) {
    return record.isSet(name) ? record.get(name) : "";
  }

  private static boolean isMissing(String value) {
    return MISSING.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  private static ColumnKind classify(String value) {
    String v = value.trim();
    if (isNumber(v)) {
      return ColumnKind.NUMERIC;
    }
    if (v.startsWith("[") && v.endsWith("]")) {
      try {
        parseVector(v);
        return ColumnKind.VECTOR;
      } catch (NumberFormatException e) {
        return ColumnKind.CATEGORICAL;
      }
    }
    return ColumnKind.CATEGORICAL;
  }

  private static boolean isNumber(String v) {
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
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

  public ColumnKind kind(String name) {
    return kinds.get(name);
  }

  public double[] numeric(String name) {
    return numeric.get(name);
  }

  public int[] codes(String name) {
    return codes.get(name);
  }

  /** Category levels in first-seen order (codes index this list). */
  public List<String> levels(String name) {
    return levels.get(name);
  }

  public double[][] vectors(String name) {
    return vectors.get(name);
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
