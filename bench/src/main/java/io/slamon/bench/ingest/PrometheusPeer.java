package io.slamon.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus (Debian's 2.42 package) or VictoriaMetrics single-node, scraping the same targets
 * with a generated {@code prometheus.yml}, its TSDB in a fresh directory, on a loopback port.
 */
final class PrometheusPeer implements Peer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String binary;
  private final boolean victoria;

  private PrometheusPeer(String name, String binary, boolean victoria) {
    this.name = name;
    this.binary = binary;
    this.victoria = victoria;
  }

  static PrometheusPeer prometheus(String binary) {
    return new PrometheusPeer("Prometheus", binary, false);
  }

  static PrometheusPeer victoriaMetrics(String binary) {
    return new PrometheusPeer("VictoriaMetrics", binary, true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> unavailable() {
    return Launcher.executable(binary).isPresent() ? Optional.empty()
        : Optional.of(binary + " not found (Debian package " + (victoria ? "victoria-metrics" : "prometheus") + ")");
  }

  @Override
  public Running start(Setup setup, Path work) throws Exception {
    Path config = work.resolve("prometheus.yml");
    Files.writeString(config, Launcher.prometheusConfig(setup));
    Path data = Files.createDirectories(work.resolve("data"));
    int port = Launcher.freePort();
    String exe = Launcher.executable(binary).orElseThrow().toString();
    List<String> cmd = victoria
        ? List.of(exe, "-promscrape.config=" + config, "-storageDataPath=" + data, "-httpListenAddr=127.0.0.1:" + port,
            "-loggerLevel=WARN")
        : List.of(exe, "--config.file=" + config, "--storage.tsdb.path=" + data,
            "--web.listen-address=127.0.0.1:" + port, "--log.level=warn");
    Path log = work.resolve(victoria ? "victoria-metrics.log" : "prometheus.log");
    Process process = Launcher.start(cmd, log, Map.of());
    try {
      Launcher.awaitOk("http://127.0.0.1:" + port + (victoria ? "/health" : "/-/ready"), process, log, Duration.ofMinutes(1));
    } catch (Exception e) {
      Launcher.stop(process, Duration.ofSeconds(10));
      throw e;
    }
    return new Started(process, port, victoria);
  }

  private record Started(Process process, int port, boolean victoria) implements Running {
    @Override
    public List<ProcessGroup> processes() {
      return List.of(new ProcessGroup("server", process.pid(), false));
    }

    /**
     * Samples appended so far. Both count in labelled counters that have no series before the
     * first append (Prometheus' discovery hands out targets only after about 5 s), so a missing
     * counter means 0; a page without the peer's build info means we are asking the wrong server.
     */
    @Override
    public double samplesIngested() throws IOException {
      Exposition m = Exposition.fetch("http://127.0.0.1:" + port + "/metrics");
      if (m.first(victoria ? "vm_app_uptime_seconds" : "prometheus_build_info").isEmpty()) {
        throw new IOException("127.0.0.1:" + port + "/metrics is not " + (victoria ? "VictoriaMetrics'" : "Prometheus'"));
      }
      return victoria
          // rows the scraper handed to storage (includes the per-target up/scrape_* series, as Prometheus' count does)
          ? m.sum("vm_rows_inserted_total", "type", "promscrape").orElse(0)
          : m.sum("prometheus_tsdb_head_samples_appended_total").orElse(0);
    }

    @Override
    public Optional<Backlog> backlog() {
      return Optional.empty();
    }

    /** VictoriaMetrics hides the newest 30 s from queries by default (-search.latencyOffset): not probed. */
    @Override
    public boolean probes() {
      return !victoria;
    }

    @Override
    public Map<String, List<Long>> visibleSince(long afterMillis) throws Exception {
      // a range just long enough to reach back to afterMillis keeps the answer small
      long seconds = Math.max(1, (System.currentTimeMillis() - afterMillis) / 1000 + 1);
      String query = Setup.PROBE_METRIC + "{gpu=\"" + Setup.PROBE_GPU + "\"}[" + seconds + "s]";
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      Map<String, List<Long>> byTarget = new java.util.HashMap<>();
      for (JsonNode series : JSON.readTree(r.body()).path("data").path("result")) {
        List<Long> points = byTarget.computeIfAbsent(series.path("metric").path("instance").asText(), k -> new ArrayList<>());
        for (JsonNode point : series.path("values")) {
          long ms = Math.round(point.get(0).asDouble() * 1000);
          if (ms > afterMillis) {
            points.add(ms);
          }
        }
      }
      return byTarget;
    }

    @Override
    public void close() {
      Launcher.stop(process, Duration.ofSeconds(30));
    }
  }
}
