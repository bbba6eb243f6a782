package io.tagcf.ops.keys;

import io.tagcf.ops.TagcfCommand;
import io.tagcf.store.Database;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.StoredKey;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tagcf keys list}: the keys, never their secrets. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List keys (id, role, creator, label, created, revoked); secrets are not stored.")
final class KeysListCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--creator", paramLabel = "ID", description = "Only this creator's keys.")
  String creator;

  @Override
  public Integer call() {
    try (Database db = Database.open(TagcfCommand.config(spec).database(), 2)) {
      spec.commandLine().getOut().printf("%-12s  %-7s  %-20s  %-24s  %-20s  %s%n", "key id", "role", "creator", "label", "created",
          "revoked");
      for (StoredKey k : new ApiKeyRepository(db.dataSource()).list(creator)) {
        spec.commandLine().getOut().printf("%-12s  %-7s  %-20s  %-24s  %-20s  %s%n", k.keyId(), k.role().wireName(),
            k.creatorId() == null ? "-" : k.creatorId(), k.label(), k.createdAt().toString().substring(0, 19),
            !k.revoked() ? "-" : k.revokedAt().toString().substring(0, 19)
                + (k.replacedBy() == null ? "" : " (rotated to " + k.replacedBy() + ")"));
      }
      return 0;
    }
  }
}
