package io.tagcf.ops.keys;

import io.tagcf.ops.TagcfCommand;
import io.tagcf.store.Database;
import io.tagcf.store.access.ApiKeyRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tagcf keys revoke}: a key stops working (within the gateway's key cache time, 5 s). */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = "Revoke a key: gateways refuse it within 5 seconds.")
final class KeysRevokeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "KEY_ID", description = "The key's id (the 12 hex digits after 'tcf_').")
  String keyId;

  @Override
  public Integer call() {
    try (Database db = Database.open(TagcfCommand.config(spec).database(), 2)) {
      if (!new ApiKeyRepository(db.dataSource()).revoke(keyId)) {
        spec.commandLine().getErr().println("tagcf keys revoke: error: no valid key " + keyId);
        return 1;
      }
      spec.commandLine().getOut().println("revoked " + keyId);
      return 0;
    }
  }
}
