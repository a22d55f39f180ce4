package io.slamon.incident;

import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.Classification;
import io.slamon.incident.clock.ClockFacts;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.ClockPlanner;
import io.slamon.incident.clock.DueEscalation;
import io.slamon.incident.clock.EscalationStep;
import io.slamon.incident.clock.Escalations;
import io.slamon.incident.clock.Regime;
import io.slamon.store.AuditLog;
import io.slamon.store.ClockStore;
import io.slamon.store.ClockStore.ClassificationRow;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The regulatory clocks of stored incidents: classifications are persisted and audited; the
 * deadlines are recomputed from them by the pure {@link ClockPlanner}; escalation steps are
 * recorded as fired in the store before they are handed out, so each fires once — across restarts,
 * downtimes and several processes (a step found overdue after downtime fires once, marked late).
 */
public final class RegulatoryClocks {
  /** What a tenant's contract contributes to its clocks. */
  public record TenantClockSettings(ZoneId zone, Duration avvDeadline) {}

  /** An escalation step handed out for delivery. */
  public record FiredEscalation(String incidentId, String tenant, EscalationStep step, boolean late, Duration lateBy) {}

  private final IncidentStore incidents;
  private final ClockStore clocks;
  private final AuditLog audit;
  private final ClockPlanner planner;
  private final Escalations escalations;
  private final Function<String, TenantClockSettings> settings;
  private final InstantSource clock;

  /**
   * @param settings the clock settings of a tenant id ({@code null} for provider-scope incidents)
   */
  public RegulatoryClocks(IncidentStore incidents, ClockStore clocks, AuditLog audit, ClockPlanner planner,
      Escalations escalations, Function<String, TenantClockSettings> settings, InstantSource clock) {
    this.incidents = incidents;
    this.clocks = clocks;
    this.audit = audit;
    this.planner = planner;
    this.escalations = escalations;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Classifies an incident under a regime from the given awareness (which may precede the
   * incident's creation). The new plan is computed first, so an impossible classification (e.g. a
   * processor clock without an AVV deadline) is refused before anything is stored.
   */
  public ClockPlan classify(String incidentId, Regime regime, Awareness awareness, String actor) {
    IncidentRecord incident = incidents.find(incidentId).orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
    Instant now = clock.instant();
    ClockFacts facts = facts(incident).classify(new Classification(regime, awareness, now));
    ClockPlan plan = planner.plan(facts);
    clocks.classify(new ClassificationRow(incidentId, regime.name(), awareness.at(), awareness.source(), awareness.recordedBy(), now));
    audit.append(now, actor, incidentId, "classify", null, regime.name(),
        "aware at " + awareness.at() + " from " + awareness.source() + " (recorded by " + awareness.recordedBy() + ")");
    return plan;
  }

  /** The current plan of an incident's clocks, if it is classified under any regime. */
  public Optional<ClockPlan> plan(String incidentId) {
    return incidents.find(incidentId).flatMap(this::plan);
  }

  private Optional<ClockPlan> plan(IncidentRecord incident) {
    ClockFacts facts = facts(incident);
    return facts.classifications().isEmpty() ? Optional.empty() : Optional.of(planner.plan(facts));
  }

  /** Marks every due and not yet fired escalation step as fired and returns them, oldest incident first. */
  public List<FiredEscalation> fireDue() {
    Instant now = clock.instant();
    List<FiredEscalation> fired = new ArrayList<>();
    for (String id : clocks.classifiedIncidents()) {
      Optional<IncidentRecord> incident = incidents.find(id);
      Optional<ClockPlan> plan = incident.flatMap(this::plan);
      if (plan.isEmpty()) {
        continue;
      }
      String tenant = incident.get().tenant();
      for (DueEscalation due : escalations.dueEscalations(plan.get(), clocks.firedSteps(id), now)) {
        if (clocks.markFired(id, due.step().id(), now, due.late())) {
          audit.append(now, "slamon", id, "escalation", null, due.step().id(),
              due.late() ? "late by " + due.lateBy() + " (slamon was not running when it was due)" : null);
          fired.add(new FiredEscalation(id, tenant, due.step(), due.late(), due.lateBy()));
        }
      }
    }
    return fired;
  }

  private ClockFacts facts(IncidentRecord incident) {
    TenantClockSettings s = settings.apply(incident.tenant());
    ClockFacts facts = ClockFacts.in(s.zone());
    if (s.avvDeadline() != null) {
      facts = facts.withAvvDeadline(s.avvDeadline());
    }
    for (ClassificationRow row : clocks.classifications(incident.id())) {
      facts = facts.classify(new Classification(Regime.valueOf(row.regime()),
          new Awareness(row.awareAt(), row.awareSource(), row.recordedBy()), row.classifiedAt()));
    }
    return facts;
  }
}
