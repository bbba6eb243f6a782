package io.tagcf.analysis;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the columns an analysis needs from a CSV file with a header row.
 *
 * <p>A column is numeric when every non-missing value parses as a number, a vector when every
 * value is a bracketed list of the same length, and categorical otherwise. Rows with a missing
 * value (empty, NA, NaN, null, None) in any used column are dropped and counted. Only used
 * columns are kept in memory.
 */
public final class CsvColumns {
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
    } catch (IOException | UncheckedIOException e) {
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
   * A large file is read in byte ranges on all cores ({@link CsvRange} says when that falls back
   * to one range); the ranges are joined in file order, so the result is the same either way.
   *
   * @param required columns that must be numeric, with the role named in errors ("treatment")
   */
  public static CsvColumns load(Path file, List<String> used, Map<String, String> required) {
    return load(file, used, required, ranges(file));
  }

  /** As {@link #load(Path, List, Map)}, reading in at most {@code parts} byte ranges. */
  static CsvColumns load(Path file, List<String> used, Map<String, String> required, int parts) {
    List<String> header = header(file);
    int m = used.size();
    int[] fieldOf = new int[m];
    for (int j = 0; j < m; j++) {
      String name = used.get(j);
      fieldOf[j] = header.indexOf(name);
      if (fieldOf[j] < 0) {
        throw new BadInputException("unknown column '" + name + "' (the file has: " + String.join(", ", header) + ")");
      }
    }
    List<CsvRange> ranges = readRanges(file, used, fieldOf, parts);
    int total = 0;
    for (CsvRange r : ranges) {
      total += r.records;
    }
    if (total == 0) {
      throw new BadInputException("empty file: " + file + " has a header but no data rows");
    }
    MergedColumn[] columns = new MergedColumn[m];
    for (int j = 0; j < m; j++) {
      columns[j] = MergedColumn.of(ranges, j);
    }
    for (Map.Entry<String, String> r : required.entrySet()) {
      int j = used.indexOf(r.getKey());
      MergedColumn c = j < 0 ? null : columns[j];
      if (c != null && c.kind() != null && c.kind() != Kind.NUMERIC) {
        throw new BadInputException(r.getValue() + " column '" + r.getKey() + "' is not numeric (" + c.firstText + ")");
      }
    }
    for (MergedColumn c : columns) {
      if (c.kind() == Kind.NUMERIC && c.firstInfinite != null) {
        throw new BadInputException("column '" + c.name + "' has a value that is not a finite number ("
            + c.firstInfinite + ")");
      }
      if (c.kind() == null) {
        throw new BadInputException("column '" + c.name + "' has no values (every row is missing)");
      }
      if (c.kind() == Kind.CATEGORICAL && c.levels == null) {
        throw new BadInputException("categorical column '" + c.name + "' has more than " + MAX_LEVELS
            + " levels: almost certainly an identifier, not a covariate");
      }
    }
    int kept = 0;
    for (CsvRange r : ranges) {
      for (int i = 0; i < r.records; i++) {
        kept += r.completeRows[i] ? 1 : 0;
      }
    }
    if (kept == 0) {
      throw new BadInputException("no complete rows: every row of " + file + " misses a value in the used columns");
    }
    Map<String, TableColumn> typed = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      // Each column's range buffers are released once copied: the peak is one column over the result.
      typed.put(used.get(j), columns[j].compact(ranges, j, kept));
    }
    return new CsvColumns(header, typed, kept, total - kept);
  }

  static final int MAX_LEVELS = 1000;

  /** Below this size a file is read in one range: splitting would cost more than it saves. */
  private static final long PARALLEL_MIN_BYTES = 8L << 20;

  /** About this many bytes per range, and at least two ranges per core, for balance. */
  private static final long RANGE_BYTES = 16L << 20;

  /** How many byte ranges to read a file in: one for a small file or a single core. */
  private static int ranges(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      // The read itself reports the problem.
      return 1;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores == 1 || size < PARALLEL_MIN_BYTES) {
      return 1;
    }
    return (int) Math.max(2L * cores, Math.min(size / RANGE_BYTES, 64));
  }

  private static List<CsvRange> readRanges(Path file, List<String> used, int[] fieldOf, int parts) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      double bytesPerRecord = LineRanges.meanLineLength(channel, size);
      long[] bounds = parts > 1 ? LineRanges.split(channel, size, parts) : new long[] {0, size};
      if (bounds.length > 2) {
        AtomicBoolean stop = new AtomicBoolean();
        try {
          return IntStream.range(0, bounds.length - 1).parallel()
              .mapToObj(k -> readRange(channel, bounds[k], bounds[k + 1], used, fieldOf, true, stop, bytesPerRecord))
              .toList();
        } catch (RuntimeException e) {
          // A quote (which FastCSV may hand on wrapped) or a parse error, which a split inside a
          // quoted field could cause: read the file from the start, where real errors surface.
          if (!stop.get() && !(e instanceof CsvParseException)) {
            throw e;
          }
        }
      }
      return List.of(readRange(channel, 0, size, used, fieldOf, false, null, bytesPerRecord));
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + file + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    } catch (CsvParseException e) {
      throw new BadInputException("malformed CSV in " + file + ": " + e.getMessage());
    }
  }

  private static CsvRange readRange(FileChannel channel, long from, long to, List<String> used, int[] fieldOf,
      boolean split, AtomicBoolean stop, double bytesPerRecord) {
    try {
      return CsvRange.read(channel, from, to, used, fieldOf, split, stop, bytesPerRecord);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a column's values can still be while the file is read. */
  private enum Kind { NUMERIC, CATEGORICAL, VECTOR }

  /**
   * One used column over all ranges: what its values turned out to be (a column is numeric only if
   * it is in every range, and so on), with the category codes of each range mapped onto levels in
   * first-seen order over the whole file.
   */
  private static final class MergedColumn {
    final String name;
    boolean any;
    boolean numeric = true;
    boolean vector = true;
    String firstText;
    String firstInfinite;
    /** Null when the column has more than {@value #MAX_LEVELS} levels. */
    LevelCodes levels = new LevelCodes(MAX_LEVELS);
    /** Per range, its codes to the merged ones. */
    int[][] recode;

    private MergedColumn(String name) {
      this.name = name;
    }

    static MergedColumn of(List<CsvRange> ranges, int j) {
      MergedColumn c = new MergedColumn(ranges.get(0).columns[j].name);
      c.recode = new int[ranges.size()][];
      int vectorLength = -1;
      long before = 0;
      for (int k = 0; k < ranges.size(); k++) {
        ColumnBuffer b = ranges.get(k).columns[j];
        c.any |= b.any;
        c.numeric &= b.numeric;
        if (c.firstText == null && b.firstText != null) {
          // Line numbers count records from the header's 1, as Commons CSV's record numbers did.
          c.firstText = "line " + (before + b.firstTextRecord + 2) + ": '" + b.firstText + "'";
        }
        if (c.firstInfinite == null && b.firstInfinite != null) {
          c.firstInfinite = "line " + (before + b.firstInfiniteRecord + 2) + ": '" + b.firstInfinite + "'";
        }
        if (b.vector && b.vectorLength >= 0) {
          c.vector &= vectorLength < 0 || vectorLength == b.vectorLength;
          vectorLength = b.vectorLength;
        }
        c.vector &= b.vector;
        if (c.levels != null && !b.levels.overflowed()) {
          int[] map = new int[b.levels.size()];
          for (int code = 0; code < map.length && c.levels != null; code++) {
            map[code] = c.levels.code(b.levels.level(code));
            if (c.levels.overflowed()) {
              c.levels = null;
            }
          }
          c.recode[k] = map;
        } else {
          c.levels = null;
        }
        before += ranges.get(k).records;
      }
      return c;
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

    /** The column's typed form over the complete rows only, releasing the range buffers. */
    TableColumn compact(List<CsvRange> ranges, int j, int kept) {
      Kind kind = kind();
      double[] numbers = kind == Kind.NUMERIC ? new double[kept] : null;
      int[] codes = kind == Kind.CATEGORICAL ? new int[kept] : null;
      double[][] vectors = kind == Kind.VECTOR ? new double[kept][] : null;
      int out = 0;
      for (int k = 0; k < ranges.size(); k++) {
        CsvRange range = ranges.get(k);
        ColumnBuffer b = range.columns[j];
        for (int i = 0; i < range.records; i++) {
          if (!range.completeRows[i]) {
            continue;
          }
          switch (kind) {
            case NUMERIC -> numbers[out] = b.numbers[i];
            case CATEGORICAL -> codes[out] = recode[k][b.codes[i]];
            case VECTOR -> vectors[out] = b.vectors[i];
          }
          out++;
        }
        b.release();
      }
      return switch (kind) {
        case NUMERIC -> new TableColumn.Numeric(name, numbers);
        case CATEGORICAL -> new TableColumn.Categorical(name, codes, levels.levels());
        case VECTOR -> new TableColumn.Vector(name, vectors);
      };
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
