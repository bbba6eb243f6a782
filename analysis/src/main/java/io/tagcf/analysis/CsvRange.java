package io.tagcf.analysis;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The data records of one byte range of a CSV file, read with FastCSV into one
 * {@link ColumnBuffer} per used column. FastCSV hands each field over as characters in its buffer
 * (a callback handler, no record objects), so a numeric cell costs a parse and no allocation.
 *
 * <p>A range other than the whole file starts after a line break chosen without parsing, which is
 * a record boundary only when no quoted field spans it. Such a range therefore refuses any quote
 * character at all (the caller then reads the file from the start in one range), and is parsed by
 * FastCSV's strict parser, which is about twice as fast as the relaxed one and equivalent on text
 * without quotes. One range over the whole file uses the relaxed parser with blanks around quotes
 * ignored, as Commons CSV's surrounding-space rule did.
 */
final class CsvRange extends AbstractBaseCsvCallbackHandler<Object> {
  /** Thrown, without a stack trace, when a split range meets a quoted field. */
  static final class QuotedField extends RuntimeException {
    QuotedField() {
      super("quoted field in a split range", null, false, false);
    }
  }

  private final int[][] fieldColumns;
  private final int[] fieldOf;
  final ColumnBuffer[] columns;
  private final boolean refuseQuotes;
  private final AtomicBoolean stop;
  private boolean header;
  private boolean complete;
  /** Quote characters the file must hold for the fields read: 2 per quoted field, plus those inside values. */
  private long quotesExpected;
  boolean[] completeRows;
  int records;

  /**
   * @param fieldOf the field index of each used column
   * @param header whether the range starts with the header record (skipped)
   * @param refuseQuotes throw {@link QuotedField} at a quoted field, or once {@code stop} is set
   */
  private CsvRange(List<String> used, int[] fieldOf, boolean header, boolean refuseQuotes, AtomicBoolean stop,
      int capacity) {
    int m = used.size();
    this.completeRows = new boolean[capacity];
    this.fieldOf = fieldOf;
    this.columns = new ColumnBuffer[m];
    int fields = 0;
    for (int j = 0; j < m; j++) {
      columns[j] = new ColumnBuffer(used.get(j), capacity);
      fields = Math.max(fields, fieldOf[j] + 1);
    }
    // Field index to the used columns reading it (usually one, none for unused fields).
    int[][] map = new int[fields][0];
    for (int j = 0; j < m; j++) {
      int[] old = map[fieldOf[j]];
      map[fieldOf[j]] = Arrays.copyOf(old, old.length + 1);
      map[fieldOf[j]][old.length] = j;
    }
    this.fieldColumns = map;
    this.header = header;
    this.refuseQuotes = refuseQuotes;
    this.stop = stop;
  }

  /**
   * Reads bytes {@code [from, to)} of the open file.
   *
   * @param bytesPerRecord the file's estimated mean record length, to size the buffers once
   */
  static CsvRange read(FileChannel channel, long from, long to, List<String> used, int[] fieldOf, boolean refuseQuotes,
      AtomicBoolean stop, double bytesPerRecord) throws IOException {
    // 5% over the estimate: buffers sized once instead of doubled (a doubled buffer is up to twice
    // the data, and the copy is garbage), which keeps reading 1M x 34 within a 1 GB heap.
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, 1.05 * (to - from) / bytesPerRecord + 64);
    CsvRange range = new CsvRange(used, fieldOf, from == 0, refuseQuotes, stop, capacity);
    ChannelRange bytes = new ChannelRange(channel, from, to, refuseQuotes ? stop : null);
    CsvReader<Object> reader = CsvReader.builder()
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .trimWhitespacesAroundQuotes(!refuseQuotes)
        .build(range, bytes, StandardCharsets.UTF_8);
    try (reader) {
      // Every record builds to null, so one call reads the whole range.
      reader.iterator().hasNext();
    }
    // FastCSV closes a quoted field left open at the end of the file silently (its issue #173);
    // Commons CSV refused such a file, and so do we: the field then lacks its closing quote.
    if (bytes.quotes != range.quotesExpected) {
      throw new CsvParseException("a quoted field runs to the end of the file without its closing quote");
    }
    return range;
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    complete = true;
    if (refuseQuotes && stop.get()) {
      throw new QuotedField();
    }
  }

  @Override
  protected void handleField(int fieldIdx, char[] buf, int offset, int length, boolean quoted) {
    if (quoted && refuseQuotes) {
      stop.set(true);
      throw new QuotedField();
    }
    if (!refuseQuotes) {
      // A quoted field had an opening and a closing quote, and each quote inside it was doubled.
      long inside = 0;
      for (int k = offset; k < offset + length; k++) {
        inside += buf[k] == '"' ? 1 : 0;
      }
      quotesExpected += quoted ? 2 + 2 * inside : inside;
    }
    if (header || fieldIdx >= fieldColumns.length) {
      return;
    }
    for (int j : fieldColumns[fieldIdx]) {
      complete &= columns[j].add(records, buf, offset, length);
    }
  }

  @Override
  protected Object buildRecord() {
    if (getRecordType() != RecordType.DATA) {
      return null;
    }
    if (header) {
      header = false;
      return null;
    }
    int fields = getFieldCount();
    for (int j = 0; j < columns.length; j++) {
      if (fieldOf[j] >= fields) {
        // A short record: its missing trailing fields are missing values.
        columns[j].skip(records);
        complete = false;
      }
    }
    if (records == completeRows.length) {
      completeRows = Arrays.copyOf(completeRows, records * 2);
    }
    completeRows[records++] = complete;
    return null;
  }

  /**
   * Bytes {@code [from, to)} of a file by positional reads, so ranges share one channel; with a
   * {@code stop} flag, a quote byte sets it and throws {@link QuotedField}.
   */
  private static final class ChannelRange extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;
    private final AtomicBoolean stop;
    long quotes;

    ChannelRange(FileChannel channel, long from, long to, AtomicBoolean stop) {
      this.channel = channel;
      this.position = from;
      this.end = to;
      this.stop = stop;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= end) {
        return -1;
      }
      int want = (int) Math.min(len, end - position);
      int got = channel.read(ByteBuffer.wrap(b, off, want), position);
      if (got > 0) {
        position += got;
      }
      for (int k = off; k < off + got; k++) {
        quotes += b[k] == '"' ? 1 : 0;
      }
      if (stop != null && quotes > 0) {
        stop.set(true);
        throw new QuotedField();
      }
      return got;
    }
  }
}
