package io.slamon.app;

import io.slamon.alerts.AlertPipeline;
import io.slamon.alerts.AlertSpec;
import io.slamon.core.config.Contract;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.incident.IncidentOpener;
import io.slamon.incident.IncidentState;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.Signal;
import io.slamon.slo.AlertSeverity;
import io.slamon.slo.BurnRateCondition;
import io.slamon.slo.BurnRateEvaluation;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloResult;
import io.slamon.store.Database;
import io.slamon.store.IncidentRecord;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of alerts/: turns an evaluation round's burn-rate, no-data and breach findings
 * into firing alerts, hands the fired regulatory escalations over, and runs the outbox dispatcher on
 * its own thread (a slow receiver never delays an evaluation round).
 */
final class AlertWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertWiring.class);

  private final AlertPipeline pipeline;
  private final ScheduledExecutorService dispatcher =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("slamon-alerts").factory());

  AlertWiring(SlamonConfig config, Database db, InstantSource clock) {
    this.pipeline = new AlertPipeline(config.alerting(), db.dataSource(),
        tenant -> config.tenant(tenant).map(Tenant::contract).map(Contract::timeZone).orElse(Contract.DEFAULT_TIME_ZONE), clock);
    if (!config.alerting().receivers().isEmpty()) {
      dispatcher.scheduleWithFixedDelay(() -> {
        try {
          pipeline.dispatcher().dispatchInBackground(); // one task per receiver: a hanging one delays only itself
        } catch (RuntimeException e) {
          // The database briefly away: the outbox keeps everything, the next pass retries.
          LOG.warn("alert dispatch failed: {}", Main.describe(e));
        }
      }, 1, 1, TimeUnit.SECONDS);
    }
  }

  AlertPipeline pipeline() {
    return pipeline;
  }

  /** The alerts an SLO's evaluation raises, without incident links (see the four-argument form). */
  static List<AlertSpec> alerts(SloDefinition slo, BurnRateEvaluation burn, SloResult result) {
    return alerts(slo, burn, result, Map.of());
  }

  /**
   * The alerts an SLO's evaluation raises: one per burn-rate severity firing, no data, breach. The
   * page burn-rate alert carries {@code incident_id} when {@code incidents} holds an incident for
   * the SLO's {@link Signal.Kind#FAST_BURN} signal, the breach alert when it holds one for {@link
   * Signal.Kind#SLO_BREACH}: the incident the same round opened or attached the signal to. Tickets
   * never carry one (a slow burn opens no incident), so a ticket does not change identity when a
   * page starts.
   */
  static List<AlertSpec> alerts(SloDefinition slo, BurnRateEvaluation burn, SloResult result, Map<Signal.Kind, String> incidents) {
    List<AlertSpec> out = new ArrayList<>();
    for (AlertSeverity severity : AlertSeverity.values()) {
      List<BurnRateEvaluation.ConditionState> firing = burn.conditions().stream()
          .filter(c -> c.firing() && c.condition().severity() == severity).toList();
      if (!firing.isEmpty()) {
        BurnRateEvaluation.ConditionState c = firing.get(0);
        BurnRateCondition cond = c.condition();
        out.add(spec(slo, "SloErrorBudgetBurn", severity.name().toLowerCase(Locale.ROOT),
            severity == AlertSeverity.PAGE ? incidents.get(Signal.Kind.FAST_BURN) : null,
            slo.name() + " burns its error budget " + String.format(Locale.ROOT, "%.1f", c.longBurnRate()) + "x too fast",
            String.format(Locale.ROOT, "%s: burn rate %.1fx over %s and %.1fx over %s (threshold %.1fx)", cond.name(),
                c.longBurnRate(), cond.longWindow(), c.shortBurnRate(), cond.shortWindow(), c.scaledFactor())));
      }
    }
    if (burn.noData()) {
      out.add(spec(slo, "SloNoData", "ticket", null, slo.name() + " has no data",
          "no events for the SLI in the no-data window: the burn-rate alerts are blind"));
    }
    if (result.breached()) {
      out.add(spec(slo, "SloBreached", "page", incidents.get(Signal.Kind.SLO_BREACH), slo.name() + " is below its objective",
          "attainment " + Console.percent(result.attainment()) + " < objective " + Console.percent(slo.objective())));
    }
    return out;
  }

  /**
   * One page per standing NIS2 significance flag of a NIS2 entity's (or a provider) incident, firing
   * while the incident is live. Labelled {@code regime=nis2}, so the routes of NIS2 escalations reach
   * the same contacts; unregulated tenants' flags stay on the incident's timeline only.
   */
  static List<AlertSpec> significance(List<io.slamon.incident.Nis2Watch.Flag> standing) {
    List<AlertSpec> out = new ArrayList<>();
    for (var f : standing) {
      if (!f.regulated()) {
        continue;
      }
      Map<String, String> labels = new java.util.HashMap<>(Map.of("alertname", "Nis2SignificantIncident", "severity", "page",
          "component", "incident", "regime", "nis2", "incident_id", f.incidentId(), "criterion", f.criterion().wireName()));
      if (f.tenant() != null) {
        labels.put("tenant", f.tenant());
      }
      out.add(new AlertSpec(f.incidentId() + " is NIS2-significant: " + f.criterion().describe(), labels,
          Map.of("description", f.describe()), null, null, f.incidentId()));
    }
    return out;
  }

  /**
   * One alert per live (open, acknowledged, mitigated) incident, so on-call sees every incident in
   * Alertmanager, also those no SLO alert stands for (infrastructure signals, obligations, opened by
   * hand); it resolves (endsAt) in the round after the incident is resolved, closed or cancelled.
   * {@code alertname} by what opened it ({@link #incidentAlertname}); {@code severity} page for
   * P1/P2, ticket for P3/P4; {@code component} and, for SLO signals, {@code slo} from the
   * fingerprint; {@code tenant} (absent for provider incidents) and {@code incident_id}. The state is
   * in the description only, so acknowledging does not change the alert's identity.
   *
   * @param incidents all incidents (one store read per round); those not live are skipped
   */
  static List<AlertSpec> incidents(List<IncidentRecord> incidents) {
    List<AlertSpec> out = new ArrayList<>();
    for (IncidentRecord i : incidents) {
      if (!IncidentState.fromWireName(i.state()).live()) {
        continue;
      }
      // <tenant|provider>/<kind>/<subject>/<component>, or <tenant|provider>/manual/<id>/<component>
      String[] parts = i.fingerprint().split("/", -1);
      String kind = parts.length >= 4 ? parts[1] : "";
      String component = parts.length < 4 ? "" : kind.equals("manual") ? String.join("/", List.of(parts).subList(3, parts.length))
          : parts[parts.length - 1];
      Map<String, String> labels = new HashMap<>(Map.of("alertname", incidentAlertname(kind), "incident_id", i.id(),
          "severity", i.severity().equals("P1") || i.severity().equals("P2") ? "page" : "ticket",
          "component", component.isBlank() ? "incident" : component));
      if (i.tenant() != null) {
        labels.put("tenant", i.tenant());
      }
      if (parts.length == 4 && SLO_SIGNALS.contains(kind)) {
        labels.put("slo", parts[2]);
      }
      String title = i.title() == null || i.title().isBlank() ? "incident " + i.id() : i.title();
      out.add(new AlertSpec(title, labels, Map.of("description", i.severity() + " incident " + i.id() + " ("
          + i.state() + ") of " + (i.tenant() == null ? "the provider" : i.tenant()) + ", opened " + i.openedAt()), null, null, i.id()));
    }
    return out;
  }

  private static final java.util.Set<String> SLO_SIGNALS = java.util.Set.of("slo_breach", "fast_burn", "no_data");

  /**
   * {@code SlamonTargetDown}, {@code SlamonGpuXid}, {@code SlamonGpuLost}, {@code SlamonRpoMissed},
   * {@code SlamonPatchOverdue} for incidents of those signals; {@code SlamonIncident} for SLO
   * signals (their SLO alerts fire beside it) and incidents opened by hand.
   */
  static String incidentAlertname(String fingerprintKind) {
    for (Signal.Kind k : List.of(Signal.Kind.TARGET_DOWN, Signal.Kind.GPU_XID, Signal.Kind.GPU_LOST, Signal.Kind.RPO_MISSED,
        Signal.Kind.PATCH_OVERDUE)) {
      if (k.name().toLowerCase(Locale.ROOT).equals(fingerprintKind)) {
        StringBuilder name = new StringBuilder("Slamon");
        for (String word : k.name().split("_")) {
          name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
      }
    }
    return "SlamonIncident";
  }

  private static AlertSpec spec(SloDefinition slo, String alertname, String severity, String incidentId, String summary,
      String description) {
    Map<String, String> labels = new HashMap<>(Map.of("alertname", alertname, "tenant", slo.tenant(), "slo", slo.name(),
        "severity", severity, "component", "slo"));
    if (incidentId != null) {
      labels.put("incident_id", incidentId);
    }
    return new AlertSpec(summary, labels, Map.of("description", description), null, null, incidentId);
  }

  /**
   * The incident each signal of a round was opened or attached as, by tenant, subject (the SLO) and
   * kind; {@code outcomes.get(i)} is what {@code signals.get(i)} got.
   */
  static Map<String, Map<Signal.Kind, String>> incidentsBySlo(List<Signal> signals, List<IncidentOpener.Outcome> outcomes) {
    if (signals.size() != outcomes.size()) {
      throw new IllegalArgumentException(signals.size() + " signals but " + outcomes.size() + " outcomes");
    }
    Map<String, Map<Signal.Kind, String>> out = new HashMap<>();
    for (int i = 0; i < signals.size(); i++) {
      Signal s = signals.get(i);
      out.computeIfAbsent(sloKey(s.tenant(), s.subject()), k -> new EnumMap<>(Signal.Kind.class))
          .put(s.kind(), outcomes.get(i).incident().id());
    }
    return out;
  }

  static String sloKey(String tenant, String slo) {
    return tenant + "/" + slo;
  }

  /**
   * Makes {@code firing} the firing alerts, hands {@code fired} escalations (and any left over) to the
   * outbox and resolves the escalations whose condition cleared.
   */
  void round(List<AlertSpec> firing, List<RegulatoryClocks.FiredEscalation> fired) {
    pipeline.handOffEscalations(fired);
    pipeline.resolveEscalations(); // deadline notified or incident ended: endsAt to where the step went
    pipeline.updateAlerts(firing);
  }

  @Override
  public void close() {
    dispatcher.shutdownNow();
    pipeline.dispatcher().close();
  }
}
