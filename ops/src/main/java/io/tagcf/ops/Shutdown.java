package io.tagcf.ops;

import java.util.concurrent.CountDownLatch;

/** Blocks the main thread until the JVM is asked to stop, then closes what was started. */
final class Shutdown {

  private Shutdown() {}

  static void awaitSignal(AutoCloseable running) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("tagcf: error while stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "tagcf-shutdown"));
    stopped.await();
  }
}
