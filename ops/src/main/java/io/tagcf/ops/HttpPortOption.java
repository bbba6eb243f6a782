package io.tagcf.ops;

import io.tagcf.ops.config.TagcfConfig;
import picocli.CommandLine.Option;

/** The {@code --port} option of the commands that serve HTTP, overriding TAGCF_HTTP_PORT. */
final class HttpPortOption {

  @Option(names = "--port", description = "HTTP port of the gateway (default: TAGCF_HTTP_PORT or 8080).")
  Integer port;

  TagcfConfig applyTo(TagcfConfig config) {
    if (port == null) {
      return config;
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("--port must be a TCP port (1-65535), got " + port);
    }
    return config.withHttpPort(port);
  }
}
