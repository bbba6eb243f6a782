package io.tagcf.it;

import io.tagcf.bench.TagcfBench;
import picocli.CommandLine;

/**
 * Prints the help of every command of the full command tree (the production commands and
 * {@code bench}), each after a {@code ==== name} line. Run in its own JVM by CommandHelpTest:
 * picocli reports a description it cannot format on the process's stderr, once per JVM.
 */
final class HelpPrinter {

  private HelpPrinter() {}

  public static void main(String[] args) {
    print(TagcfBench.commandLine());
  }

  private static void print(CommandLine cl) {
    System.out.println("==== " + cl.getCommandSpec().qualifiedName());
    cl.usage(System.out);
    cl.getSubcommands().values().stream().distinct().forEach(HelpPrinter::print);
  }
}
