package io.tagcf.store.copy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Encodes rows in PostgreSQL's binary COPY format, which loads vectors without formatting and
 * parsing thousands of decimal floats. Columns must be written in table order, with the types the
 * target columns have.
 *
 * <p>Values go straight into one growing array: a stream per field (synchronised writes, a lambda
 * per field, a copy of the whole payload at the end) took as long as parsing the CSV they came
 * from. {@link #reset()} reuses the array for the next payload.
 */
public final class PgBinaryCopy {

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

  private final int columns;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int rows;
  private boolean finished;

  public PgBinaryCopy(int columns) {
    this.columns = columns;
    reset();
  }

  /** Empties the payload, keeping its array, so that the next rows need not grow a new one. */
  public void reset() {
    System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
    pos = SIGNATURE.length;
    putInt(0); // flags
    putInt(0); // header extension length
    rows = 0;
    finished = false;
  }

  public PgBinaryCopy startRow() {
    ensure(2);
    putShort(columns);
    rows++;
    return this;
  }

  public PgBinaryCopy int8(long v) {
    ensure(12);
    putInt(8);
    putLong(v);
    return this;
  }

  public PgBinaryCopy int4(int v) {
    ensure(8);
    putInt(4);
    putInt(v);
    return this;
  }

  public PgBinaryCopy text(String v) {
    if (v == null) {
      return nullField();
    }
    int n = v.length();
    ensure(4 + n);
    // Ids and labels are mostly ASCII, whose UTF-8 is one byte a char: written in place, without
    // the array getBytes would allocate.
    int start = pos + 4;
    for (int i = 0; i < n; i++) {
      char ch = v.charAt(i);
      if (ch >= 0x80) {
        return bytes(v.getBytes(StandardCharsets.UTF_8));
      }
      buf[start + i] = (byte) ch;
    }
    putInt(n);
    pos += n;
    return this;
  }

  public PgBinaryCopy float8(double v) {
    return int8Field(Double.doubleToRawLongBits(v));
  }

  public PgBinaryCopy bool(boolean v) {
    ensure(5);
    putInt(1);
    buf[pos++] = (byte) (v ? 1 : 0);
    return this;
  }

  /** timestamptz: microseconds since 2000-01-01T00:00:00Z (sub-microsecond digits are dropped). */
  public PgBinaryCopy timestamptz(Instant v) {
    return int8Field(Math.addExact(Math.multiplyExact(v.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
        v.getNano() / 1_000));
  }

  /** jsonb's binary form: a version byte (1), then the JSON text. */
  public PgBinaryCopy jsonb(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ensure(5 + b.length);
    putInt(1 + b.length);
    buf[pos++] = 1;
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  /** pgvector's binary form: int16 dimension, int16 unused, then float4 values. */
  public PgBinaryCopy vector(float[] v) {
    ensure(8 + 4 * v.length);
    putInt(4 + 4 * v.length);
    putShort(v.length);
    putShort(0);
    for (float f : v) {
      putInt(Float.floatToRawIntBits(f));
    }
    return this;
  }

  public PgBinaryCopy nullField() {
    ensure(4);
    putInt(-1);
    return this;
  }

  public int rows() {
    return rows;
  }

  /** Shrinks the array to what was written (and the trailer): for a payload kept a while unsent. */
  public void compact() {
    buf = Arrays.copyOf(buf, pos + 2);
  }

  /** Ends the payload with its trailer; afterwards {@link #buffer()} holds it up to {@link #length()}. */
  void finish() {
    if (!finished) {
      ensure(2);
      putShort(-1);
      finished = true;
    }
  }

  /** The array holding the payload (longer than it): read it up to {@link #length()}. */
  byte[] buffer() {
    return buf;
  }

  int length() {
    return pos;
  }

  private PgBinaryCopy int8Field(long bits) {
    ensure(12);
    putInt(8);
    putLong(bits);
    return this;
  }

  private PgBinaryCopy bytes(byte[] b) {
    ensure(4 + b.length);
    putInt(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  private void ensure(int more) {
    if (finished) {
      throw new IllegalStateException("the payload is finished: reset() it before writing more rows");
    }
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  private void putShort(int v) {
    buf[pos] = (byte) (v >>> 8);
    buf[pos + 1] = (byte) v;
    pos += 2;
  }

  private void putInt(int v) {
    buf[pos] = (byte) (v >>> 24);
    buf[pos + 1] = (byte) (v >>> 16);
    buf[pos + 2] = (byte) (v >>> 8);
    buf[pos + 3] = (byte) v;
    pos += 4;
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }
}
