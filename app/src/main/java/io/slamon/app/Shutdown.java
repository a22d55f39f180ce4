package io.slamon.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C handling for commands that serve until stopped: the JVM's shutdown hook wakes the command,
 * then waits (bounded) until the command has closed its resources in order — collector before
 * database, database before the embedded server — instead of racing them.
 */
final class Shutdown {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  Shutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      requested.countDown();
      try {
        finished.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "slamon-shutdown"));
  }

  void awaitRequest() throws InterruptedException {
    requested.await();
  }

  /** True once Ctrl-C (or SIGTERM) arrived: long waits check it to stop early. */
  boolean requested() {
    return requested.getCount() == 0;
  }

  void finished() {
    finished.countDown();
  }
}
