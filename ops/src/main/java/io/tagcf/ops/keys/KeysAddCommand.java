package io.tagcf.ops.keys;

import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.TagcfCommand;

import io.tagcf.store.Database;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tagcf keys add}: a new key, printed once. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Make a key and print it once: only its hash is stored.")
final class KeysAddCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--role", description = "creator, service or admin (default ${DEFAULT-VALUE}).",
      defaultValue = "creator")
  String role;

  @Option(names = "--creator", paramLabel = "ID", description = "The creator a creator key acts for.")
  String creator;

  @Option(names = "--label", required = true, description = "What the key is for, e.g. 'studio laptop'.")
  String label;

  @Override
  public Integer call() {
    AccessRole parsed;
    try {
      parsed = AccessRole.fromWireName(role);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
    }
    if (creator != null && !creator.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--creator: 1 to 128 characters of A-Z, a-z, 0-9, '_', '.', '-'");
    }
    if ((parsed == AccessRole.CREATOR) != (creator != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), parsed == AccessRole.CREATOR
          ? "a creator key needs --creator" : "only a creator key names a creator (--creator)");
    }
    if (label.isBlank() || label.length() > 200) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--label: 1 to 200 characters");
    }
    try (Database db = Database.open(TagcfCommand.config(spec).database(), 2)) {
      KeyIssuer issuer = new KeyIssuer(new ApiKeyRepository(db.dataSource()),
          TagcfCommand.config(spec).access().hasher());
      String key = issuer.add(parsed, creator, label);
      spec.commandLine().getOut().println(key);
      spec.commandLine().getErr().println("Keep this key: it is shown only now. Present it as 'Authorization: Bearer <key>'.");
      return 0;
    }
  }
}
