package io.tagcf.ops.keys;

import io.tagcf.ops.TagcfCommand;

import io.tagcf.store.Database;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tagcf keys rotate}: a new key in place of a valid one, which stops working. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
    description = "Replace a key by a new one with its role, creator and label; the old one is revoked.")
final class KeysRotateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin KeyIdParameter key;

  @Override
  public Integer call() {
    try (Database db = Database.open(TagcfCommand.config(spec).database(), 2)) {
      Optional<KeyIssuer.Rotated> rotated = new KeyIssuer(new ApiKeyRepository(db.dataSource()),
          TagcfCommand.config(spec).access().hasher()).rotate(key.keyId);
      if (rotated.isEmpty()) {
        spec.commandLine().getErr().println("tagcf keys rotate: error: no valid key " + key.keyId);
        return 1;
      }
      spec.commandLine().getOut().println(rotated.get().key());
      spec.commandLine().getErr().println("Key " + key.keyId + " is revoked; keep the new key: it is shown only now.");
      return 0;
    }
  }
}
