package io.tagcf.ops.keys;

import io.tagcf.ops.TagcfCommand;
import io.tagcf.store.Database;
import io.tagcf.store.access.ApiKeyRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tagcf keys revoke}: a key stops working (within the gateway's key cache time, 5 s). */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = "Revoke a key: gateways refuse it within 5 seconds.")
final class KeysRevokeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin KeyIdParameter key;

  @Override
  public Integer call() {
    try (Database db = Database.open(TagcfCommand.config(spec).database(), 2)) {
      if (!new ApiKeyRepository(db.dataSource()).revoke(key.keyId)) {
        spec.commandLine().getErr().println("tagcf keys revoke: error: no valid key " + key.keyId);
        return 1;
      }
      spec.commandLine().getOut().println("revoked " + key.keyId);
      return 0;
    }
  }
}
