package io.tagcf.it;

import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.store.access.KeyIssuer;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.TestDatabase;
import java.util.Map;

/**
 * One real stack per test JVM: the loopback Temporal dev server and the gateway on free ports, a
 * worker with the real ONNX model, against the emptied {@code tagcf_test} database. Test classes
 * share it and use their own video ids.
 */
final class TestStack {

  private static DevStack stack;
  private static String adminKey;

  private TestStack() {}

  static synchronized DevStack get() {
    if (stack == null) {
      TestDatabase.fresh().close();
      TagcfConfig config =
          // Snapshots of the effects tests would start explaining thousands of videos in the
          // background; the explanation test starts its snapshot's explanations itself.
          TagcfConfig.from(Map.of("TAGCF_EXPLAIN_AFTER_SNAPSHOT", "off"))
              .withDatabase(TestDatabase.url())
              .withHttpPort(0)
              .withManagementPort(0)
              .withDevTemporalPort(0);
      stack = DevStack.start(config);
      adminKey = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()), config.access().hasher())
          .add(AccessRole.ADMIN, null, "integration tests");
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    }
    return stack;
  }

  /** An admin key of the stack's database: what {@link Http} presents. */
  static synchronized String adminKey() {
    get();
    return adminKey;
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + get().httpPort();
  }
}
