package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real Alertmanager (Debian package {@code prometheus-alertmanager}, which .ci/run
 * installs), started by the test on a loopback port.
 */
class AlertmanagerClientIT {
  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static Process alertmanager;
  private static AlertmanagerClient client;

  @BeforeAll
  static void startAlertmanager() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BINARY),
        "Alertmanager tests SKIPPED: " + BINARY + " is not installed (apt-get install prometheus-alertmanager; .ci/run does)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createDirectories(Path.of("target", "alertmanager-" + port));
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: blackhole
        receivers:
          - name: blackhole
        """);
    alertmanager = new ProcessBuilder(BINARY.toString(),
        "--config.file=" + config.toAbsolutePath(),
        "--storage.path=" + dir.resolve("data").toAbsolutePath(),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=") // no gossip: a single local instance
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("alertmanager.log").toFile())
        .start();
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    awaitReady(base, dir.resolve("alertmanager.log"));
    client = new AlertmanagerClient(base, Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopAlertmanager() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      alertmanager.waitFor();
    }
  }

  private static AlertmanagerAlert burnRate(Instant startsAt, Instant endsAt) {
    return new AlertmanagerAlert(
        new AlertLabels(Map.of("alertname", "SloErrorBudgetBurn", "tenant", "hanse-bank", "slo", "hanse-bank-chat-ttft",
            "severity", "page", "component", "inference")),
        Map.of("summary", "hanse-bank-chat-ttft burns its error budget 14.4x too fast",
            "runbook_url", "https://runbooks.example.de/slo-burn"),
        startsAt, endsAt, URI.create("http://127.0.0.1:8080/slo/hanse-bank-chat-ttft"));
  }

  @Test
  void aFiredAlertShowsWithItsLabelsAndAResolvedOneIsGone() throws Exception {
    Instant start = Instant.now().minusSeconds(60);
    client.post(List.of(burnRate(start, null)));

    List<AlertmanagerClient.ReceivedAlert> held = client.alerts();
    assertThat(held).singleElement().satisfies(a -> {
      assertThat(a.labels()).containsEntry("tenant", "hanse-bank").containsEntry("severity", "page")
          .containsEntry("slo", "hanse-bank-chat-ttft");
      assertThat(a.annotations()).containsKey("runbook_url");
      assertThat(a.state()).isEqualTo("active");
    });

    client.post(List.of(burnRate(start, null).resolvedAt(Instant.now().minusSeconds(1))));
    assertThat(client.alerts()).isEmpty();
  }

  @Test
  void anUnreachableAlertmanagerIsADeliveryErrorThatNamesIt() {
    var alert = new AlertmanagerAlert(new AlertLabels(Map.of("alertname", "x")), Map.of(), Instant.now(), null, null);
    var unreachable = new AlertmanagerClient(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1));
    assertThatThrownBy(() -> unreachable.post(List.of(alert)))
        .isInstanceOf(AlertmanagerClient.DeliveryException.class)
        .hasMessageContaining("cannot reach Alertmanager at http://127.0.0.1:1/");
  }

  private static void awaitReady(URI base, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!alertmanager.isAlive()) {
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
    throw new IllegalStateException("Alertmanager not ready after 20 s: " + Files.readString(log));
  }
}
