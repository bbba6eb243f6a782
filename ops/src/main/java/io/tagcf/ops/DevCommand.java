package io.tagcf.ops;

import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.DevStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tagcf dev}: the whole platform in one process on the embedded defaults. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole platform in one process on the embedded defaults.",
      "Starts the embedded Temporal server (127.0.0.1:7233, unless TEMPORAL_ADDRESS is set), a worker"
          + " and the gateway (127.0.0.1:8080) against DATABASE_URL. Ctrl-C stops."
    })
final class DevCommand implements Callable<Integer> {

  @Mixin HttpPortOption httpPort;

  @Override
  public Integer call() throws InterruptedException {
    TagcfConfig config = httpPort.applyTo(TagcfConfig.fromEnvironment());
    DevStack stack = DevStack.start(config);
    System.out.printf("TagCF dev stack ready: http://%s:%d (Ctrl-C to stop)%n", config.httpHost(), stack.httpPort());
    Shutdown.awaitSignal(stack);
    return 0;
  }
}
