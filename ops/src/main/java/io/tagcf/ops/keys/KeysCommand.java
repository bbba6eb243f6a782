package io.tagcf.ops.keys;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tagcf keys}: API keys. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Make, list, rotate and revoke API keys (creator, service and admin keys).",
    subcommands = {CommandLine.HelpCommand.class, KeysAddCommand.class, KeysListCommand.class,
        KeysRotateCommand.class, KeysRevokeCommand.class})
public final class KeysCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
