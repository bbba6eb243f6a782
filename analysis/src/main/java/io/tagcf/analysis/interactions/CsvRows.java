package io.tagcf.analysis.interactions;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a {@link HeaderedCsv} as records, parsed one at a time as they are asked for, so a
 * file of any size streams through.
 */
abstract class CsvRows<T> implements Iterator<T>, AutoCloseable {
  final HeaderedCsv csv;
  private T next;

  CsvRows(HeaderedCsv csv) {
    this.csv = csv;
  }

  /** The record of the current row; an {@link IllegalArgumentException} becomes an error naming the line. */
  abstract T parse();

  @Override
  public final boolean hasNext() {
    if (next == null && csv.next()) {
      try {
        next = parse();
      } catch (IllegalArgumentException e) {
        throw csv.problem(e.getMessage());
      }
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = null;
    return out;
  }

  @Override
  public final void close() throws IOException {
    csv.close();
  }
}
