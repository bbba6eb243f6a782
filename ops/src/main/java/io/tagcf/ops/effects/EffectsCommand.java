package io.tagcf.ops.effects;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tagcf effects}: effect snapshots. */
@Command(
    name = "effects",
    mixinStandardHelpOptions = true,
    description = "Run effect snapshots: every cover-set tag's causal effect per segment and outcome.",
    subcommands = {CommandLine.HelpCommand.class, EffectsRunCommand.class})
public final class EffectsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
