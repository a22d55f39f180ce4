package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real Alertmanager (Debian package {@code prometheus-alertmanager}, which .ci/run
 * installs), started by the test on a loopback port.
 */
class AlertmanagerClientIT {
  private static AlertmanagerProcess alertmanager;
  private static AlertmanagerClient client;

  @BeforeAll
  static void startAlertmanager() throws Exception {
    alertmanager = AlertmanagerProcess.start("5m");
    client = new AlertmanagerClient(alertmanager.base, Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopAlertmanager() {
    if (alertmanager != null) {
      alertmanager.close();
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
}
