package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.alerts.Notification.Kind;
import io.slamon.alerts.Notification.Status;
import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import io.slamon.core.config.QuietHours;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  /** 23:30 in Berlin (CET), inside 22:00–07:00 quiet hours; 07:00 CET is 06:00 UTC. */
  private static final Instant NIGHT = Instant.parse("2026-03-02T22:30:00Z");
  private static final Instant MORNING = Instant.parse("2026-03-03T06:00:00Z");
  private static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  private static AlertReceiver am(String name) {
    return new AlertReceiver(name, AlertReceiver.Kind.ALERTMANAGER, List.of(URI.create("http://127.0.0.1:9093")), null, null);
  }

  private static final Alerting CONFIG = new Alerting(Duration.ofMinutes(1), Duration.ofMinutes(15),
      List.of(am("provider-am"), am("bank-oncall"), am("bank-chat"), am("dpo")),
      List.of(
          new AlertRoute(List.of(), List.of(), List.of(), List.of("provider-am"), null),
          new AlertRoute(List.of("hanse-bank"), List.of("page"), List.of(), List.of("bank-oncall"), null),
          new AlertRoute(List.of("hanse-bank"), List.of(), List.of(), List.of("bank-chat"), NIGHTS),
          new AlertRoute(List.of(), List.of(), List.of("dsgvo", "dora"), List.of("dpo"), NIGHTS)));

  private final Router router = new Router(CONFIG, tenant -> ZoneId.of("Europe/Berlin"));

  private static Notification alert(String tenant, String severity) {
    Map<String, String> labels = new HashMap<>(Map.of("alertname", "SloErrorBudgetBurn", "severity", severity));
    if (tenant != null) {
      labels.put("tenant", tenant);
    }
    return new Notification("e1", Kind.ALERT, Status.FIRING, "burn", labels, Map.of(), NIGHT, null, null, null, null, null);
  }

  private static Notification escalation(String tenant, String regime) {
    return new Notification("e2", Kind.ESCALATION, Status.FIRING, "DSGVO notification due",
        Map.of("alertname", "RegulatoryDeadline", "severity", "ticket", "tenant", tenant, "regime", regime),
        Map.of(), NIGHT, null, "INC-1", regime, null, null);
  }

  private List<String> receivers(Notification n) {
    return router.route(n, NIGHT).stream().map(d -> d.receiver().name() + (d.notBefore().equals(NIGHT) ? "" : " at " + d.notBefore())).toList();
  }

  @Test
  void aTenantsPageGoesToEveryMatchingRouteAndIsNotHeldByQuietHours() {
    assertThat(receivers(alert("hanse-bank", "page"))).containsExactly("provider-am", "bank-oncall", "bank-chat");
  }

  @Test
  void aTicketAtNightWaitsForTheEndOfTheTenantsQuietHours() {
    assertThat(receivers(alert("hanse-bank", "ticket"))).containsExactly("provider-am", "bank-chat at " + MORNING);
  }

  @Test
  void anotherTenantsAlertsDoNotReachTheBanksReceivers() {
    assertThat(receivers(alert("acme", "page"))).containsExactly("provider-am");
  }

  @Test
  void providerScopeAlertsDoNotMatchTenantRoutes() {
    assertThat(receivers(alert(null, "page"))).containsExactly("provider-am");
  }

  @Test
  void regulatoryEscalationsIgnoreQuietHoursEvenAsTickets() {
    assertThat(receivers(escalation("hanse-bank", "dsgvo"))).containsExactly("provider-am", "bank-chat", "dpo");
  }

  @Test
  void regimeRoutesMatchOnlyEscalationsOfTheirRegimes() {
    assertThat(receivers(escalation("acme", "nis2"))).containsExactly("provider-am");
    assertThat(receivers(alert("acme", "ticket"))).doesNotContain("dpo");
  }

  @Test
  void aReceiverNamedByTwoRoutesIsDeliveredOnceAtTheEarlierTime() {
    var twice = new Alerting(Duration.ofMinutes(1), Duration.ofMinutes(15), List.of(am("chat")),
        List.of(new AlertRoute(List.of(), List.of(), List.of(), List.of("chat"), NIGHTS),
            new AlertRoute(List.of("hanse-bank"), List.of(), List.of(), List.of("chat"), null)));
    assertThat(new Router(twice, t -> ZoneId.of("Europe/Berlin")).route(alert("hanse-bank", "ticket"), NIGHT))
        .singleElement().satisfies(d -> assertThat(d.notBefore()).isEqualTo(NIGHT));
  }
}
