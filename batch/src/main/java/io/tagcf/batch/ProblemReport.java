package io.tagcf.batch;

import java.io.PrintWriter;

/**
 * Problems with single input lines, one per stderr line, from any thread. After the first
 * {@code limit} only the count goes on: a file of a million bad lines should not bury the summary.
 */
public final class ProblemReport {

  private final PrintWriter err;
  private final String prefix;
  private final int limit;
  private int count;

  public ProblemReport(PrintWriter err, String prefix, int limit) {
    this.err = err;
    this.prefix = prefix;
    this.limit = limit;
  }

  public synchronized void report(String problem) {
    count++;
    if (count <= limit) {
      err.println(prefix + TerminalText.escape(problem));
      err.flush();
    }
  }

  public synchronized int count() {
    return count;
  }

  /** Says how many were not shown, if any. */
  public synchronized void finish() {
    if (count > limit) {
      err.println(prefix + (count - limit) + " more problems not shown (" + count + " in total)");
      err.flush();
    }
  }
}
