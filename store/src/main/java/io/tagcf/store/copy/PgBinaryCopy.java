package io.tagcf.store.copy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encodes rows in PostgreSQL's binary COPY format, which loads vectors without formatting and
 * parsing thousands of decimal floats. Columns must be written in table order, with the types the
 * target columns have.
 */
public final class PgBinaryCopy {

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
  private final DataOutputStream out = new DataOutputStream(bytes);
  private final int columns;
  private int rows;

  public PgBinaryCopy(int columns) {
    this.columns = columns;
    try {
      out.write(SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // header extension length
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PgBinaryCopy startRow() {
    try {
      out.writeShort(columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows++;
    return this;
  }

  public PgBinaryCopy int8(long v) {
    return field(8, () -> out.writeLong(v));
  }

  public PgBinaryCopy int4(int v) {
    return field(4, () -> out.writeInt(v));
  }

  public PgBinaryCopy text(String v) {
    if (v == null) {
      return nullField();
    }
    byte[] b = v.getBytes(StandardCharsets.UTF_8);
    return field(b.length, () -> out.write(b));
  }

  public PgBinaryCopy float8(double v) {
    return field(8, () -> out.writeDouble(v));
  }

  public PgBinaryCopy bool(boolean v) {
    return field(1, () -> out.writeByte(v ? 1 : 0));
  }

  /** timestamptz: microseconds since 2000-01-01T00:00:00Z (sub-microsecond digits are dropped). */
  public PgBinaryCopy timestamptz(Instant v) {
    long micros = Math.addExact(Math.multiplyExact(v.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
        v.getNano() / 1_000);
    return field(8, () -> out.writeLong(micros));
  }

  /** jsonb's binary form: a version byte (1), then the JSON text. */
  public PgBinaryCopy jsonb(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return field(1 + b.length, () -> {
      out.writeByte(1);
      out.write(b);
    });
  }

  /** pgvector's binary form: int16 dimension, int16 unused, then float4 values. */
  public PgBinaryCopy vector(float[] v) {
    return field(4 + 4 * v.length, () -> {
      out.writeShort(v.length);
      out.writeShort(0);
      for (float f : v) {
        out.writeFloat(f);
      }
    });
  }

  public PgBinaryCopy nullField() {
    try {
      out.writeInt(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public int rows() {
    return rows;
  }

  /** The complete COPY payload, trailer included. */
  public byte[] finish() {
    try {
      out.writeShort(-1);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @FunctionalInterface
  private interface Body {
    void write() throws IOException;
  }

  private PgBinaryCopy field(int length, Body body) {
    try {
      out.writeInt(length);
      body.write();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
