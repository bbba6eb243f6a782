package io.tagcf.ops.estimate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;

/** Runs a command in-process and captures its exit code, stdout and stderr. */
public record CommandRun(int exitCode, String out, String err) {

  public static CommandRun of(BiFunction<PrintStream, PrintStream, Callable<Integer>> factory, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine cl = new CommandLine(factory.apply(o, e));
    cl.setOut(new java.io.PrintWriter(o, true));
    cl.setErr(new java.io.PrintWriter(e, true));
    int code = cl.execute(args);
    return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static CommandRun estimate(String... args) {
    return of(EstimateCommand::new, args);
  }
}
