package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingConfigTest {
  private static ConfigResult load(String alerting) {
    return ConfigDirs.load(Map.of("slamon.yaml", ConfigDirs.SLAMON + alerting));
  }

  @Test
  void aCompleteAlertingSectionIsRead() {
    ConfigResult r = load("""
        alerting:
          resendInterval: 30s
          failureAlertAfter: 10m
          receivers:
            - name: am
              alertmanager:
                urls: [http://127.0.0.1:9093, http://127.0.0.1:9094]
            - name: dpo
              webhook:
                url: https://hooks.example.de/slamon
                secret: 0123456789abcdef0123
            - name: chat
              webhook:
                url: https://hooks.slack.com/services/T/B/X
                format: slack
          routes:
            - receivers: [am]
            - tenants: [acme]
              severities: [ticket]
              receivers: [chat]
              quietHours: {from: "22:00", to: "07:00"}
            - regimes: [dsgvo, nis2]
              receivers: [dpo]
        """);
    assertThat(r.problems()).isEmpty();
    Alerting a = r.config().alerting();
    assertThat(a.resendInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(a.failureAlertAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(a.receiver("am")).hasValueSatisfying(am -> assertThat(am.urls()).hasSize(2));
    assertThat(a.receiver("dpo")).hasValueSatisfying(d -> {
      assertThat(d.format()).isEqualTo(AlertReceiver.WebhookFormat.GENERIC);
      assertThat(d.urls()).containsExactly(URI.create("https://hooks.example.de/slamon"));
    });
    assertThat(a.routes().get(1).quietHours()).isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    assertThat(a.routes().get(2).regimes()).containsExactly("dsgvo", "nis2");
  }

  @Test
  void withoutAnAlertingSectionNothingIsDelivered() {
    assertThat(load("").config().alerting()).isEqualTo(Alerting.NONE);
  }

  @Test
  void everyMistakeIsReportedWithFileLineAndField() {
    ConfigResult r = load("""
        alerting:
          resendInterval: 10m
          receivers:
            - name: am
              alertmanager:
                urls: [ftp://x]
            - name: am
              webhook:
                url: https://x.example
                format: discord
            - name: short
              webhook:
                url: https://x.example
                secret: tooshort
            - name: nosecret
              webhook:
                url: https://x.example
            - name: slack
              webhook:
                url: https://hooks.slack.com/x
                format: slack
                secret: 0123456789abcdef0123
            - name: neither
          routes:
            - tenants: [acmee]
              severities: [urgent]
              regimes: [gdpr]
              receivers: [slak]
              quietHours: {from: "22:00"}
            - tenants: [acme]
        """);
    assertThat(r.report().lines()).containsExactly(
        "slamon.yaml:4: alerting.resendInterval: must be shorter than Alertmanager's resolve_timeout (5m by default), or active alerts expire there",
        "slamon.yaml:8: alerting.receivers[0].alertmanager.urls: \"ftp://x\" is not an http(s) URL with a host",
        "slamon.yaml:12: alerting.receivers[1].webhook.format: \"discord\" is not one of generic, slack, teams",
        "slamon.yaml:16: alerting.receivers[2].webhook.secret: must be at least 16 bytes (use `openssl rand -hex 32`)",
        "slamon.yaml:19: alerting.receivers[3].webhook.secret: missing required field",
        "slamon.yaml:24: alerting.receivers[4].webhook.secret: only applies to format generic (Slack and Teams authenticate by their secret URL)",
        "slamon.yaml:25: alerting.receivers[5]: needs an 'alertmanager' or a 'webhook' mapping",
        "slamon.yaml:28: alerting.routes[0].severities: \"urgent\" is not one of page, ticket",
        "slamon.yaml:29: alerting.routes[0].regimes: \"gdpr\" is not one of ai-act, dora, dsgvo, nis2",
        "slamon.yaml:30: alerting.routes[0].receivers: unknown receiver 'slak'",
        "slamon.yaml:31: alerting.routes[0].quietHours.to: missing required field",
        "slamon.yaml:32: alerting.routes[1].receivers: missing required field");
  }

  @Test
  void aRouteForAnUnknownTenantIsReportedOnceTheRestIsClean() {
    ConfigResult r = load("""
        alerting:
          receivers:
            - name: am
              alertmanager:
                urls: [http://127.0.0.1:9093]
          routes:
            - tenants: [acme, acmee]
              receivers: [am]
        """);
    assertThat(r.report().lines()).containsExactly("slamon.yaml:9: alerting.routes[0].tenants: unknown tenant 'acmee' (did you mean 'acme'?)");
  }

  @Test
  void linkTemplatesMayUseTheKnownPlaceholdersOnly() {
    ConfigResult ok = load("""
        alerting:
          dashboardUrl: https://grafana.example.de/d/slo?var-tenant={tenant}&var-slo={slo}
          runbookUrl: https://runbooks.example.de/{alertname}
        """);
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.config().alerting().runbookUrl()).isEqualTo("https://runbooks.example.de/{alertname}");
    ConfigResult bad = load("""
        alerting:
          dashboardUrl: https://grafana.example.de/d/{dashboard}
          runbookUrl: runbooks/{alertname}
        """);
    assertThat(bad.report().lines()).containsExactly(
        "slamon.yaml:4: alerting.dashboardUrl: unknown placeholder {dashboard} (use {tenant}, {slo}, {alertname}, {incident_id})",
        "slamon.yaml:5: alerting.runbookUrl: \"runbooks/x\" is not an http(s) URL with a host");
  }

  @Test
  void quietHoursSpanningMidnightEndTheNextMorningInTheTenantsZone() {
    var q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant lateEvening = Instant.parse("2026-03-02T22:30:00Z"); // 23:30 CET
    assertThat(q.contains(lateEvening, berlin)).isTrue();
    assertThat(q.endAfter(lateEvening, berlin)).isEqualTo(Instant.parse("2026-03-03T06:00:00Z"));
    Instant noon = Instant.parse("2026-03-02T11:00:00Z");
    assertThat(q.contains(noon, berlin)).isFalse();
    assertThat(q.endAfter(noon, berlin)).isEqualTo(noon);
    // The night the clocks go forward: 07:00 CEST is 05:00 UTC.
    assertThat(q.endAfter(Instant.parse("2026-03-29T00:30:00Z"), berlin)).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
  }
}
