package io.tagcf.ops;

import io.tagcf.ops.config.TagcfConfig;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tagcf} command: one entry point for every role of the platform. */
@Command(
    name = "tagcf",
    mixinStandardHelpOptions = true,
    version = "tagcf 0.1.0",
    description = "TagCF: tags, user roles and causal tag effects for short videos.",
    footer = {"", "Benchmarks are a separate build: ./tagcf bench --help (see docs/BENCHMARKS.md)."},
    subcommands = {
      CommandLine.HelpCommand.class,
      DevCommand.class,
      WorkerCommand.class,
      GatewayCommand.class,
      DemoCommand.class,
      io.tagcf.ops.estimate.EstimateCommand.class,
      io.tagcf.ops.simulate.SimulateCommand.class,
      io.tagcf.ops.load.LoadCommand.class,
      io.tagcf.ops.effects.EffectsCommand.class,
      io.tagcf.ops.keys.KeysCommand.class,
      io.tagcf.ops.tools.TagCommand.class,
      io.tagcf.ops.tools.EvalTaggingCommand.class,
      io.tagcf.ops.tools.ClassifyCommand.class
    })
public final class TagcfCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  TagcfCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The command line over the given environment instead of the process's: tests run commands
   * in-process with their own {@code TAGCF_*} settings, which a JVM cannot set for itself.
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    ErrorReporting errors = new ErrorReporting();
    return new CommandLine(new TagcfCommand(environment))
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  /** The environment the command line of {@code spec} was created with. */
  public static Map<String, String> environment(CommandLine.Model.CommandSpec spec) {
    Object root = spec.root().userObject();
    return root instanceof TagcfCommand t ? t.environment : System.getenv();
  }

  /** The configuration of the environment the command line of {@code spec} was created with. */
  public static TagcfConfig config(CommandLine.Model.CommandSpec spec) {
    return TagcfConfig.from(environment(spec));
  }
}
