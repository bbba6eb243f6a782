package io.tagcf.analysis.interactions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a CSV file in the form the interaction readers take back ({@link HeaderedCsv}): a header
 * row, then one record per line, a field quoted only when it holds a comma, a quote or a line
 * break. Rows are assembled in one reused buffer: the exposure log runs to tens of millions of
 * rows, and a general CSV printer's per-field checks and objects would cost more than simulating them.
 */
abstract class CsvRowWriter implements AutoCloseable {
  private final Path file;
  private final Writer out;
  private final StringBuilder row = new StringBuilder(256);
  private long rows;

  CsvRowWriter(Path file, List<String> header) throws IOException {
    this.file = file;
    this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    for (String name : header) {
      field(name);
    }
    endRow();
  }

  /** Appends a field; null is an empty field, which the readers take as absent. */
  final void field(String value) {
    if (!row.isEmpty()) {
      row.append(',');
    }
    if (value == null || value.isEmpty()) {
      return;
    }
    // The readers strip every value, so such a value would come back different from what was written.
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      row.setLength(0); // the row is dropped whole, so a caller that goes on writes no half row
      throw new IllegalArgumentException("'" + value + "' begins or ends with white space, which "
          + file.getFileName() + " cannot keep");
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      row.append(value);
      return;
    }
    row.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        row.append('"');
      }
      row.append(c);
    }
    row.append('"');
  }

  final void field(boolean value) {
    field(value ? "1" : "0");
  }

  final void endRow() throws IOException {
    row.append('\n');
    out.append(row);
    row.setLength(0);
    rows++;
  }

  /** Records written, the header not counted. */
  public final long rows() {
    return rows - 1;
  }

  @Override
  public final void close() throws IOException {
    out.close();
  }
}
