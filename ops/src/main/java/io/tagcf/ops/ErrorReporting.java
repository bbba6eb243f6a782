package io.tagcf.ops;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and exit code 1: users see what went
 * wrong, not a stack trace. {@code TAGCF_DEBUG=1} prints the trace for operators.
 */
final class ErrorReporting implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    String message = e.getMessage();
    Throwable cause = e;
    while ((message == null || message.isBlank()) && cause.getCause() != null) {
      cause = cause.getCause();
      message = cause.getMessage();
    }
    cmd.getErr().println("tagcf " + cmd.getCommandName() + ": error: " + (message == null ? e.getClass().getSimpleName() : message));
    if ("1".equals(System.getenv("TAGCF_DEBUG"))) {
      e.printStackTrace(cmd.getErr());
    }
    return 1;
  }
}
