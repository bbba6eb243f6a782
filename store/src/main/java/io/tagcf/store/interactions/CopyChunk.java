package io.tagcf.store.interactions;

import io.tagcf.store.copy.PgBinaryCopy;

/** A chunk of rows encoded for one binary COPY, column by column by its row writer. */
final class CopyChunk<T> implements ChunkPipeline.Chunk<T> {

  /** Writes one value's columns into the row just started. */
  @FunctionalInterface
  interface RowWriter<T> {
    void write(PgBinaryCopy row, T value);
  }

  private final PgBinaryCopy rows;
  private final RowWriter<T> writer;

  CopyChunk(int columns, RowWriter<T> writer) {
    this.rows = new PgBinaryCopy(columns);
    this.writer = writer;
  }

  @Override
  public void add(T row) {
    writer.write(rows.startRow(), row);
  }

  @Override
  public int rows() {
    return rows.rows();
  }

  @Override
  public void reset() {
    rows.reset();
  }

  PgBinaryCopy encoded() {
    return rows;
  }
}
