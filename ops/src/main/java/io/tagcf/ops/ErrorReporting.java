package io.tagcf.ops;

import io.tagcf.batch.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and exit code 1: users see what went
 * wrong, not a stack trace. {@code TAGCF_DEBUG=1} prints the trace for operators. A wrong option
 * is one line too (exit code 2), pointing at the command's help rather than dumping all of it.
 */
final class ErrorReporting implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    cmd.getErr().println(name + ": error: " + TerminalText.escape(e.getMessage()) + " (see '" + name + " --help')");
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    String message = e.getMessage();
    Throwable cause = e;
    while ((message == null || message.isBlank()) && cause.getCause() != null) {
      cause = cause.getCause();
      message = cause.getMessage();
    }
    // Messages quote input (file names, fields, values): never let that text drive the terminal.
    cmd.getErr().println("tagcf " + cmd.getCommandName() + ": error: "
        + (message == null ? e.getClass().getSimpleName() : TerminalText.escape(message)));
    if ("1".equals(System.getenv("TAGCF_DEBUG"))) {
      e.printStackTrace(cmd.getErr());
    }
    return 1;
  }
}
