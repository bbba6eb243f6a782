package io.tagcf.ops.estimate;

import io.tagcf.analysis.BadInputException;
import io.tagcf.models.causal.CausalInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * The analysis commands ({@code estimate}, {@code simulate}, {@code bench estimate}): they print to
 * given streams, so that tests run them in-process, and every failure is one line on stderr: exit
 * code 2 for input they cannot use (including a file they cannot read or write), 1 for anything
 * else. Never a stack trace.
 */
public abstract class AnalysisCommand implements Callable<Integer> {

  protected final PrintStream stdout;
  protected final PrintStream stderr;

  protected AnalysisCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The command as the user typed it, e.g. {@code tagcf simulate}: every message starts with it. */
  protected abstract String commandName();

  /**
   * The work. Bad input is a {@link BadInputException} or an {@link IllegalArgumentException} (such
   * as the engine's {@link CausalInputException}) with the one line the user should see.
   */
  protected abstract void run() throws IOException;

  /** What to say when reading or writing failed. */
  protected String ioProblem(Exception e) {
    return rootMessage(e);
  }

  @Override
  public final Integer call() {
    try {
      run();
      return 0;
    } catch (BadInputException | IllegalArgumentException e) {
      stderr.println(commandName() + ": error: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      stderr.println(commandName() + ": error: " + ioProblem(e));
      return 2;
    } catch (OutOfMemoryError e) {
      stderr.println(commandName() + ": out of memory; raise -Xmx or analyse fewer rows");
      return 1;
    } catch (RuntimeException e) {
      stderr.println(commandName() + ": internal error: " + e);
      return 1;
    }
  }

  /** The innermost cause's message: the part of an I/O failure that names the file and the reason. */
  protected static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
