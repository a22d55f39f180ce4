package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.Alerting;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinksTest {
  private final Links links = new Links(new Alerting(Duration.ofMinutes(1), Duration.ofMinutes(15), List.of(), List.of(),
      "https://grafana.example.de/d/slo?var-tenant={tenant}&var-slo={slo}", "https://runbooks.example.de/{alertname}"));

  @Test
  void templatesAreFilledFromTheLabelsUrlEncoded() {
    AlertSpec s = links.apply(new AlertSpec("t", Map.of("alertname", "SloErrorBudgetBurn", "tenant", "hanse-bank", "slo", "chat a&b"),
        Map.of(), null, null, null));
    assertThat(s.dashboardUrl()).isEqualTo(URI.create("https://grafana.example.de/d/slo?var-tenant=hanse-bank&var-slo=chat+a%26b"));
    assertThat(s.runbookUrl()).isEqualTo(URI.create("https://runbooks.example.de/SloErrorBudgetBurn"));
  }

  @Test
  void linksAnAlertAlreadyHasAreKept() {
    URI own = URI.create("https://runbooks.example.de/own");
    assertThat(links.apply(new AlertSpec("t", Map.of("alertname", "x"), Map.of(), null, own, null)).runbookUrl()).isEqualTo(own);
  }
}
