package io.slamon.bench.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starting, waiting for and stopping the peers' processes. */
final class Launcher {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Launcher() {}

  /** Starts {@code command} with stdout and stderr going to {@code log}. */
  static Process start(List<String> command, Path log, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Waits until GET {@code url} answers 200; fails early, with the log's tail, if the process exits. */
  static void awaitOk(String url, Process process, Path log, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(command(process) + " exited with " + process.exitValue() + " before " + url + " was ready:\n"
            + tail(log, 30));
      }
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IOException(url + " not ready within " + timeout + ":\n" + tail(log, 30));
  }

  /** SIGTERM, then SIGKILL after {@code grace}; waits for the exit. */
  static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A port free right now on 127.0.0.1 (the peer binds it a moment later). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The executable on PATH (or at an absolute path), if there is one. */
  static Optional<Path> executable(String name) {
    if (name.contains("/")) {
      Path p = Path.of(name);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String command(Process p) {
    return p.info().command().orElse("process " + p.pid());
  }

  /** Prometheus-format scrape configuration (also read by VictoriaMetrics). */
  static String prometheusConfig(Peer.Setup setup) {
    String interval = setup.interval().toMillis() + "ms";
    StringBuilder y = new StringBuilder();
    y.append("global:\n  scrape_interval: ").append(interval).append("\n  scrape_timeout: ").append(interval).append('\n');
    y.append("scrape_configs:\n  - job_name: bench\n    static_configs:\n      - targets:\n");
    for (String t : setup.targets()) {
      y.append("          - ").append(t).append('\n');
    }
    return y.toString();
  }
}
