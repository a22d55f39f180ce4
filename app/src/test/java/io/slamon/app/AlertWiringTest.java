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

  private static IncidentRecord fromSignal(String id, Signal.Kind kind, String tenant, String subject, String component, String severity,
      String state) {
    String fp = new Signal(tenant, kind, subject, component, "detail", NOW).fingerprint();
    return new IncidentRecord(id, tenant, fp, severity, state, kind + " on " + subject, NOW, NOW);
  }

  @Test
  void everyLiveIncidentFiresWithStableLabelsNamedByWhatOpenedIt() {
    var specs = AlertWiring.incidents(List.of(
        fromSignal("INC-2026-000001", Signal.Kind.TARGET_DOWN, "hanse-bank", "10.0.0.7:8000", "vllm", "P2", "open"),
        fromSignal("INC-2026-000002", Signal.Kind.GPU_XID, null, "gpu-node-01/3", "gpu", "P1", "acknowledged"),
        fromSignal("INC-2026-000003", Signal.Kind.GPU_LOST, "hanse-bank", "gpu-node-02/0", "gpu", "P2", "mitigated"),
        fromSignal("INC-2026-000004", Signal.Kind.SLO_BREACH, "hanse-bank", SLO.name(), "inference", "P3", "open"),
        new IncidentRecord("INC-2026-000005", "acme-logistik", "acme-logistik/manual/INC-2026-000005/api/gateway", "P4", "open",
            "customer reports leaked prompt log", NOW, NOW),
        fromSignal("INC-2026-000006", Signal.Kind.RPO_MISSED, "hanse-bank", "chat-db", "backup", "P2", "open")));

    assertThat(specs).extracting(a -> a.labels().get("alertname") + " " + a.labels().get("severity") + " " + a.labels().get("component")
        + " " + a.labels().get("incident_id") + " " + a.labels().get("tenant"))
        .containsExactly(
            "SlamonTargetDown page vllm INC-2026-000001 hanse-bank",
            "SlamonGpuXid page gpu INC-2026-000002 null",
            "SlamonGpuLost page gpu INC-2026-000003 hanse-bank",
            "SlamonIncident ticket inference INC-2026-000004 hanse-bank",
            "SlamonIncident ticket api/gateway INC-2026-000005 acme-logistik",
            "SlamonRpoMissed page backup INC-2026-000006 hanse-bank");
    assertThat(specs.get(0).labels()).containsOnlyKeys("alertname", "severity", "component", "incident_id", "tenant");
    assertThat(specs.get(3).labels()).as("an SLO signal's incident names its SLO").containsEntry("slo", SLO.name());
    assertThat(specs.get(4).title()).as("summary = title").isEqualTo("customer reports leaked prompt log");
    assertThat(specs.get(4).incidentId()).isEqualTo("INC-2026-000005");
    assertThat(specs.get(1).annotations().get("description")).contains("P1 incident INC-2026-000002 (acknowledged) of the provider");
  }

  @Test
  void endedIncidentsRaiseNothingAndAcknowledgingKeepsTheAlertsIdentity() {
    assertThat(AlertWiring.incidents(List.of(
        fromSignal("INC-1", Signal.Kind.TARGET_DOWN, "hanse-bank", "a:1", "vllm", "P2", "resolved"),
        fromSignal("INC-2", Signal.Kind.TARGET_DOWN, "hanse-bank", "a:1", "vllm", "P2", "closed"),
        fromSignal("INC-3", Signal.Kind.TARGET_DOWN, "hanse-bank", "a:1", "vllm", "P2", "cancelled")))).isEmpty();
    var open = AlertWiring.incidents(List.of(fromSignal("INC-4", Signal.Kind.GPU_XID, "hanse-bank", "n/1", "gpu", "P1", "open")));
    var acked = AlertWiring.incidents(List.of(fromSignal("INC-4", Signal.Kind.GPU_XID, "hanse-bank", "n/1", "gpu", "P1", "acknowledged")));
    assertThat(acked.get(0).labels()).isEqualTo(open.get(0).labels());
    assertThat(acked.get(0).annotations()).isNotEqualTo(open.get(0).annotations());
  }

  @Test
  void anIncidentWhoseFingerprintIsNotASignalsStillFiresAsAnIncident() {
    var specs = AlertWiring.incidents(List.of(new IncidentRecord("INC-9", null, "legacy", "P3", "open", null, NOW, NOW)));
    assertThat(specs.get(0).labels()).containsEntry("alertname", "SlamonIncident").containsEntry("component", "incident")
        .containsEntry("severity", "ticket").doesNotContainKey("tenant");
    assertThat(specs.get(0).title()).isEqualTo("incident INC-9");
  }
}
