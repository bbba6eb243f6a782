package io.tagcf.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on the loopback interface between the platform and one of its dependencies, which a
 * test can cut (every connection closed, new ones refused: the dependency is down), slow (each
 * chunk a client sends waits before it is forwarded: a slow network or an overloaded server) and
 * restore. Blocking sockets, two threads per connection: a test opens tens of connections.
 */
final class TcpFaultProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong connections = new AtomicLong();
  private volatile boolean cut;
  private volatile long latencyMillis;

  private TcpFaultProxy(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
    threads.submit(this::acceptLoop);
  }

  /** Listens on a free loopback port and forwards to {@code host:port}. */
  static TcpFaultProxy start(String host, int port) throws IOException {
    ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    return new TcpFaultProxy(server, new InetSocketAddress(host, port));
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections accepted and forwarded so far. */
  long connections() {
    return connections.get();
  }

  /** The dependency goes down: open connections are reset and new ones closed at once. */
  void cut() {
    cut = true;
    open.forEach(TcpFaultProxy::closeQuietly);
    open.clear();
  }

  /** Each chunk sent to the dependency waits {@code latency} first. */
  void slow(Duration latency) {
    latencyMillis = latency.toMillis();
  }

  /** Back to a healthy dependency: connections forwarded again, at full speed. */
  void restore() {
    latencyMillis = 0;
    cut = false;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (cut) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket upstream = new Socket();
        upstream.connect(target, 2_000);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        connections.incrementAndGet();
        threads.submit(() -> pump(client, upstream, true));
        threads.submit(() -> pump(upstream, client, false));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean towardsDependency) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (towardsDependency) {
          hold();
        }
        if (cut) {
          break;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side or a cut closed the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  /** Waits out the latency set now; a {@link #restore} meanwhile lets the chunk through at once. */
  private void hold() throws InterruptedException {
    long until = System.nanoTime() + latencyMillis * 1_000_000L;
    while (latencyMillis > 0 && System.nanoTime() < until) {
      Thread.sleep(Math.max(1, Math.min(50, (until - System.nanoTime()) / 1_000_000L)));
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    cut();
    threads.shutdownNow();
  }
}
