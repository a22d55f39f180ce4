package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.alerts.AlertSpec;
import io.slamon.incident.IncidentOpener;
import io.slamon.incident.Signal;
import io.slamon.slo.BurnRateAlerts;
import io.slamon.slo.BurnRatePolicy;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloResult;
import io.slamon.slo.SloWindow;
import io.slamon.store.IncidentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertWiringTest {
  private static final SloDefinition SLO =
      new SloDefinition("hanse-bank", "hanse-bank-chat-availability", SliKind.AVAILABILITY, 0, 0.999, new SloWindow.Rolling(Duration.ofDays(30)));
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  /** Every window at {@code errorRatio}, or without events. */
  private static List<AlertSpec> alerts(double errorRatio, double total, boolean breached) {
    return alerts(errorRatio, total, breached, Map.of());
  }

  private static List<AlertSpec> alerts(double errorRatio, double total, boolean breached, Map<Signal.Kind, String> incidents) {
    var burn = new BurnRateAlerts(BurnRatePolicy.defaults(), Duration.ofDays(30));
    Map<Duration, SliCounts> counts = new HashMap<>();
    burn.requiredWindows().forEach(w -> counts.put(w, new SliCounts(total * (1 - errorRatio), total)));
    var result = new SloResult(SLO, NOW.minus(Duration.ofDays(30)), NOW, new SliCounts(999, 1000), 0.999, 0, breached);
    return AlertWiring.alerts(SLO, burn.evaluate(0.999, counts), result, incidents);
  }

  @Test
  void aFastBurnPagesAndTicketsWithStableLabels() {
    assertThat(alerts(0.02, 1000, false)).extracting(a -> a.labels().get("alertname") + " " + a.labels().get("severity"))
        .containsExactly("SloErrorBudgetBurn page", "SloErrorBudgetBurn ticket");
    assertThat(alerts(0.02, 1000, false).get(0).labels()).containsOnlyKeys("alertname", "tenant", "slo", "severity", "component")
        .containsEntry("tenant", "hanse-bank").containsEntry("slo", "hanse-bank-chat-availability");
  }

  @Test
  void aSlowBurnOnlyTicketsAndNoBurnRaisesNothing() {
    assertThat(alerts(0.005, 1000, false)).extracting(a -> a.labels().get("severity")).containsExactly("ticket");
    assertThat(alerts(0, 1000, false)).isEmpty();
  }

  @Test
  void noTrafficIsNoDataAndABreachPages() {
    assertThat(alerts(0, 0, true)).extracting(a -> a.labels().get("alertname") + " " + a.labels().get("severity"))
        .containsExactly("SloNoData ticket", "SloBreached page");
  }

  @Test
  void thePageAndTheBreachCarryTheIncidentTheirSignalOpenedButTheTicketDoesNot() {
    var at = NOW;
    List<Signal> signals = List.of(
        new Signal("hanse-bank", Signal.Kind.FAST_BURN, SLO.name(), "inference", "burn", at),
        new Signal("hanse-bank", Signal.Kind.SLO_BREACH, SLO.name(), "inference", "breach", at),
        new Signal("other-bank", Signal.Kind.FAST_BURN, SLO.name(), "inference", "burn", at));
    List<IncidentOpener.Outcome> outcomes = List.of(
        new IncidentOpener.Outcome(incident("INC-2026-0007", "hanse-bank"), true),
        new IncidentOpener.Outcome(incident("INC-2026-0003", "hanse-bank"), false),
        new IncidentOpener.Outcome(incident("INC-2026-0008", "other-bank"), true));
    var bySlo = AlertWiring.incidentsBySlo(signals, outcomes);

    List<AlertSpec> raised = alerts(0.02, 1000, true, bySlo.get(AlertWiring.sloKey("hanse-bank", SLO.name())));

    assertThat(raised).extracting(a -> a.labels().get("alertname") + " " + a.labels().get("severity") + " " + a.labels().get("incident_id"))
        .containsExactly("SloErrorBudgetBurn page INC-2026-0007", "SloErrorBudgetBurn ticket null", "SloBreached page INC-2026-0003");
    assertThat(raised.get(0).incidentId()).isEqualTo("INC-2026-0007");
    assertThat(bySlo.get(AlertWiring.sloKey("other-bank", SLO.name()))).containsExactly(Map.entry(Signal.Kind.FAST_BURN, "INC-2026-0008"));
  }

  @Test
  void withoutAnIncidentThisRoundTheAlertsCarryNoIncidentId() {
    assertThat(alerts(0.02, 1000, true, Map.of(Signal.Kind.TARGET_DOWN, "INC-1")))
        .allSatisfy(a -> assertThat(a.labels()).doesNotContainKey("incident_id"));
  }

  private static IncidentRecord incident(String id, String tenant) {
    return new IncidentRecord(id, tenant, "fp-" + id, "P2", "open", "title", NOW, NOW);
  }

  @Test
  void aStandingNis2SignificanceFlagPagesForANis2EntityOrTheProviderOnlyWithTheNis2Regime() {
    Instant crossed = NOW.minusSeconds(60);
    var specs = AlertWiring.significance(List.of(
        new io.slamon.incident.Nis2Watch.Flag("INC-2026-000007", "stadtwerke-nord", io.slamon.incident.Nis2Watch.Criterion.COMPLETE,
            crossed, true),
        new io.slamon.incident.Nis2Watch.Flag("INC-2026-000008", "hanse-bank", io.slamon.incident.Nis2Watch.Criterion.LIMITED,
            crossed, false),
        new io.slamon.incident.Nis2Watch.Flag("INC-2026-000009", null, io.slamon.incident.Nis2Watch.Criterion.LIMITED, crossed, true)));
    assertThat(specs).extracting(AlertSpec::incidentId).containsExactly("INC-2026-000007", "INC-2026-000009");
    assertThat(specs.get(0).labels()).containsEntry("alertname", "Nis2SignificantIncident").containsEntry("severity", "page")
        .containsEntry("regime", "nis2").containsEntry("tenant", "stadtwerke-nord").containsEntry("criterion", "complete");
    assertThat(specs.get(0).annotations().get("description")).startsWith("NIS2 SIGNIFICANT INC-2026-000007");
    assertThat(specs.get(1).labels()).as("a provider incident has no tenant label").doesNotContainKey("tenant");
  }
}
