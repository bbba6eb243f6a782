package io.tagcf.ops.demo;

import io.tagcf.store.DatabaseUrl;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs {@code ops/scripts/setup-postgres.sh} for the configured database when it is local, so that
 * the demo works on a fresh machine. Remote (managed) databases are left alone.
 */
public final class SetupScript {

  private SetupScript() {}

  public static Optional<Path> locate() {
    String home = System.getenv("TAGCF_HOME");
    for (Path root : new Path[] {home == null ? null : Path.of(home), Path.of(".")}) {
      if (root != null) {
        Path script = root.resolve("ops/scripts/setup-postgres.sh");
        if (Files.isExecutable(script)) {
          return Optional.of(script);
        }
      }
    }
    return Optional.empty();
  }

  /** Returns false (and says why) when the script was not run. */
  public static boolean runFor(DatabaseUrl url) throws IOException, InterruptedException {
    URI uri = URI.create(url.jdbcUrl().substring("jdbc:".length()));
    String host = uri.getHost();
    if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host))) {
      System.err.println("setup: database host " + host + " is not local; skipping PostgreSQL set-up");
      return false;
    }
    Optional<Path> script = locate();
    if (script.isEmpty()) {
      System.err.println("setup: ops/scripts/setup-postgres.sh not found (set TAGCF_HOME); skipping");
      return false;
    }
    String database = uri.getPath().substring(1);
    ProcessBuilder pb = new ProcessBuilder("bash", script.get().toString()).inheritIO();
    pb.environment().put("TAGCF_DATABASES", database);
    pb.environment().put("PGPORT", Integer.toString(uri.getPort()));
    int rc = pb.start().waitFor();
    if (rc != 0) {
      throw new IllegalStateException("PostgreSQL set-up failed (exit " + rc + "); see the messages above");
    }
    return true;
  }
}
