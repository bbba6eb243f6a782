package io.tagcf.devserver;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Temporal server: the SDK's test server (real gRPC, real workflow semantics, time
 * not skipped), bound to the loopback interface only. The SDK's own port-bound launcher listens
 * on every interface, which would expose an unauthenticated workflow service to the network.
 */
public final class TemporalDevServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private TemporalDevServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** Starts on 127.0.0.1:{@code port}; port 0 picks a free one. */
  public static TemporalDevServer start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
              InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new TemporalDevServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("cannot start the Temporal dev server on port " + port, e);
    }
  }

  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    services.close();
  }
}
