package io.tagcf.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tagcf} command: one entry point for every role of the platform. */
@Command(
    name = "tagcf",
    mixinStandardHelpOptions = true,
    version = "tagcf 0.1.0",
    description = "TagCF: tags, user roles and causal tag effects for short videos.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DevCommand.class,
      WorkerCommand.class,
      GatewayCommand.class,
      DemoCommand.class,
      io.tagcf.ops.estimate.EstimateCommand.class,
      io.tagcf.ops.simulate.SimulateCommand.class,
      io.tagcf.ops.bench.BenchCommand.class
    })
public final class TagcfCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new TagcfCommand()).setExecutionExceptionHandler(new ErrorReporting());
  }
}
