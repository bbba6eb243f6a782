package io.tagcf.store.interactions;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Rows encoded into chunks on the caller's thread while the previous chunk is written to the
 * database on another: parsing and the database's work overlap. The connection is used by one
 * thread at a time: a chunk is handed over only after the previous one was written. Two chunks
 * are reused in turn.
 */
final class ChunkPipeline {

  /** Rows encoded for one write. */
  interface Chunk<T> {
    void add(T row);

    int rows();

    /** Empties the chunk for the next rows. */
    void reset();
  }

  /** Writes a chunk over the connection. */
  @FunctionalInterface
  interface Writer<C> {
    void write(C chunk) throws SQLException;
  }

  private ChunkPipeline() {}

  /**
   * @param progress told the number of rows read so far, once per chunk
   * @return the rows read
   */
  static <T, C extends Chunk<T>> long run(Iterator<T> rows, C first, C second, int chunkRows, Writer<C> writer,
      LongConsumer progress) throws SQLException {
    ExecutorService copier = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "interaction-copy");
      t.setDaemon(true);
      return t;
    });
    Future<?> writing = null;
    try {
      long read = 0;
      C chunk = first;
      C other = second;
      while (rows.hasNext()) {
        chunk.add(rows.next());
        read++;
        if (chunk.rows() == chunkRows) {
          await(writing);
          C full = chunk;
          writing = copier.submit(() -> {
            writer.write(full);
            return null;
          });
          chunk = other;
          other = full;
          chunk.reset();
          progress.accept(read);
        }
      }
      await(writing);
      writing = null;
      if (chunk.rows() > 0) {
        writer.write(chunk);
        progress.accept(read);
      }
      return read;
    } finally {
      // A row that failed to parse must not leave a write running on the connection the caller
      // is about to roll back.
      if (writing != null) {
        try {
          writing.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
          // The caller's failure is the one reported.
        }
      }
      copier.shutdown();
    }
  }

  private static void await(Future<?> writing) throws SQLException {
    if (writing == null) {
      return;
    }
    try {
      writing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while copying interactions", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
