package io.tagcf.analysis.interactions;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.tagcf.analysis.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row, read one record at a time: the column of each name, and errors
 * that name the file, the line and the column.
 */
final class HeaderedCsv implements AutoCloseable {
  /** A column looked up once in the header, then read by position on every row. */
  record Column(String name, int index) {
    boolean present() {
      return index >= 0;
    }
  }

  private final Path file;
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> records;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private CsvRecord current;

  /**
   * @throws BadInputException for an empty file, a duplicated column or a missing required one
   */
  HeaderedCsv(Path file, List<String> required) throws IOException {
    this.file = file;
    this.reader = CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
        // Field counts are checked here, so that the error names the line and both counts.
        .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(file);
    this.records = reader.iterator();
    if (!records.hasNext()) {
      close();
      throw new BadInputException("empty file: " + file + " has no header row");
    }
    this.header = records.next().getFields().stream().map(String::strip).toList();
    for (int i = 0; i < header.size(); i++) {
      if (columns.put(header.get(i), i) != null) {
        close();
        throw new BadInputException(file + ": column '" + header.get(i) + "' appears twice in the header");
      }
    }
    for (String name : required) {
      if (!columns.containsKey(name)) {
        close();
        throw new BadInputException(file + ": required column '" + name + "' is missing (header: "
            + String.join(",", header) + ")");
      }
    }
  }

  List<String> header() {
    return header;
  }

  /** The column of that name (absent when the header lacks it, and then its value is ""). */
  Column column(String name) {
    return new Column(name, columns.getOrDefault(name, -1));
  }

  /** Moves to the next record; false at the end of the file. */
  boolean next() {
    try {
      if (!records.hasNext()) {
        return false;
      }
      current = records.next();
    } catch (CsvParseException e) {
      // FastCSV's own message begins "Exception when reading record ..."; its cause says what is wrong.
      String reason = e.getCause() != null && e.getCause().getMessage() != null
          ? e.getCause().getMessage() : "unreadable record";
      throw new BadInputException("malformed CSV in " + file + ": " + reason);
    }
    if (current.getFieldCount() != header.size()) {
      throw problem("has " + current.getFieldCount() + " fields, the header " + header.size());
    }
    return true;
  }

  /** The stripped value of the column in the current record ("" when the column is absent). */
  String value(String column) {
    Integer i = columns.get(column);
    return i == null ? "" : current.getField(i).strip();
  }

  /** The stripped value of the column in the current record ("" when the column is absent). */
  String value(Column column) {
    return column.present() ? current.getField(column.index()).strip() : "";
  }

  /** An error about the current record, naming the file and its line. */
  BadInputException problem(String what) {
    return new BadInputException(file + " line " + current.getStartingLineNumber() + ": " + what);
  }

  /** An error about one column of the current record. */
  BadInputException problem(String column, String what) {
    return problem("column '" + column + "' " + what);
  }

  /** An error about one column of the current record. */
  BadInputException problem(Column column, String what) {
    return problem(column.name(), what);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
