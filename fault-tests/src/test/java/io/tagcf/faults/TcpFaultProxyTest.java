package io.tagcf.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy itself, against an echo server: passes bytes, cuts, slows, restores. */
class TcpFaultProxyTest {

  private final ServerSocket echo;
  private final TcpFaultProxy proxy;

  TcpFaultProxyTest() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::echoLoop, "echo");
    t.setDaemon(true);
    t.start();
    proxy = TcpFaultProxy.start("127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void close() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void passesBytesBothWays() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "hello")).isEqualTo("hello");
    }
    assertThat(proxy.connections()).isEqualTo(1);
  }

  @Test
  void aCutResetsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "before")).isEqualTo("before");
      proxy.cut();
      assertThatThrownBy(() -> roundTrip(s, "during")).isInstanceOf(IOException.class);
    }
    try (Socket s = connect()) {
      assertThatThrownBy(() -> roundTrip(s, "new")).isInstanceOf(IOException.class);
    }
    proxy.restore();
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "after")).isEqualTo("after");
    }
  }

  @Test
  void slowAddsLatencyToEachRequest() throws IOException {
    try (Socket s = connect()) {
      proxy.slow(Duration.ofMillis(300));
      long start = System.nanoTime();
      assertThat(roundTrip(s, "slow")).isEqualTo("slow");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", proxy.port());
    s.setSoTimeout(5_000);
    return s;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    byte[] bytes = text.getBytes();
    out.write(bytes);
    out.flush();
    byte[] back = new byte[bytes.length];
    new DataInputStream(s.getInputStream()).readFully(back);
    return new String(back);
  }

  private void echoLoop() {
    while (!echo.isClosed()) {
      try {
        Socket s = echo.accept();
        Thread t = new Thread(() -> {
          try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.transferTo(out);
          } catch (IOException e) {
            // client went away
          }
        });
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }
}
