package io.slamon.alerts;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Alertmanager from Debian's {@code prometheus-alertmanager} package (which .ci/run
 * installs), started on a free loopback port with a throw-away configuration; without the binary the
 * calling test is skipped with a message that says how to install it.
 */
final class AlertmanagerProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

  private final Process process;
  final URI base;

  private AlertmanagerProcess(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** Starts one with {@code resolveTimeout} as {@code global.resolve_timeout}. */
  static AlertmanagerProcess start(String resolveTimeout) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BINARY),
        "Alertmanager tests SKIPPED: " + BINARY + " is not installed (apt-get install prometheus-alertmanager; .ci/run does)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createDirectories(Path.of("target", "alertmanager-" + port));
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
        global:
          resolve_timeout: %s
        route:
          receiver: blackhole
        receivers:
          - name: blackhole
        """.formatted(resolveTimeout));
    Path log = dir.resolve("alertmanager.log");
    Process p = new ProcessBuilder(BINARY.toString(),
        "--config.file=" + config.toAbsolutePath(),
        "--storage.path=" + dir.resolve("data").toAbsolutePath(),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=") // no gossip: a single local instance
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    var am = new AlertmanagerProcess(p, URI.create("http://127.0.0.1:" + port + "/"));
    am.awaitReady(log);
    return am;
  }

  private void awaitReady(Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Alertmanager exited: " + Files.readString(log));
      }
      try {
        var r = http.send(HttpRequest.newBuilder(base.resolve("-/ready")).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("Alertmanager not ready after 20 s: " + Files.readString(log));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
