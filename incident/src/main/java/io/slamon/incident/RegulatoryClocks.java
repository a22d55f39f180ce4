package io.slamon.incident;

import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.BreachContent;
import io.slamon.incident.clock.Classification;
import io.slamon.incident.clock.ClockFacts;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.ClockPlanner;
import io.slamon.incident.clock.DueEscalation;
import io.slamon.incident.clock.EscalationStep;
import io.slamon.incident.clock.Escalations;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.incident.clock.NotificationRecord;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Notifications;
import io.slamon.incident.clock.Regime;
import io.slamon.store.AuditLog;
import io.slamon.store.ClockStore;
import io.slamon.store.ClockStore.ClassificationRow;
import io.slamon.store.ClockStore.NotificationRow;
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
  /**
   * What a tenant's contract contributes to its clocks (and to its contractual response targets,
   * which are no regulatory clock but are computed in the same zone).
   */
  public record TenantClockSettings(ZoneId zone, Duration avvDeadline, io.slamon.core.config.IncidentTargets targets) {
    /** Settings with the default response targets. */
    public TenantClockSettings(ZoneId zone, Duration avvDeadline) {
      this(zone, avvDeadline, io.slamon.core.config.IncidentTargets.DEFAULT);
    }

    public TenantClockSettings {
      targets = targets == null ? io.slamon.core.config.IncidentTargets.DEFAULT : targets;
    }
  }

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

  /** The clocks over a database with the default rule book and escalation policy (50/75/90/100 %). */
  public static RegulatoryClocks over(io.slamon.store.Database db, Function<String, TenantClockSettings> settings,
      InstantSource clock) {
    return new RegulatoryClocks(db.incidentStore(), db.clockStore(), db.auditLog(),
        new ClockPlanner(io.slamon.incident.clock.RuleBook.DEFAULT),
        new Escalations(io.slamon.incident.clock.EscalationPolicy.DEFAULT), settings, clock);
  }

  /**
   * Classifies an incident under a regime from the given awareness (which may precede the
   * incident's creation). The new plan is computed first, so an impossible classification (e.g. a
   * processor clock without an AVV deadline) is refused before anything is stored.
   */
  public ClockPlan classify(String incidentId, Regime regime, Awareness awareness, String actor) {
    return classify(incidentId, regime, awareness, actor, java.util.Set.of());
  }

  /**
   * Classifies as {@link #classify(String, Regime, Awareness, String)}; for {@link Regime#AI_ACT}
   * with the Art. 73 cases that apply (empty: the general serious-incident case). Cases for another
   * regime are refused.
   */
  public ClockPlan classify(String incidentId, Regime regime, Awareness awareness, String actor,
      java.util.Set<io.slamon.incident.clock.AiActCase> aiActCases) {
    IncidentRecord incident = incidents.find(incidentId).orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
    if (!aiActCases.isEmpty() && regime != Regime.AI_ACT) {
      throw new IllegalArgumentException("AI Act cases only apply to the AI_ACT regime, not to " + regime);
    }
    Instant now = clock.instant();
    ClockFacts facts = facts(incident).classify(new Classification(regime, awareness, now));
    if (!aiActCases.isEmpty()) {
      facts = new ClockFacts(facts.zone(), facts.classifications(), facts.avvDeadline(), aiActCases, facts.notifications());
    }
    ClockPlan plan = planner.plan(facts);
    clocks.classify(new ClassificationRow(incidentId, regime.name(), awareness.at(), awareness.source(), awareness.recordedBy(), now));
    if (!aiActCases.isEmpty()) {
      clocks.setAiActCases(incidentId, aiActCases.stream().map(Enum::name).sorted().toList());
    }
    audit.append(now, actor, incidentId, "classify", null, regime.name(),
        "aware at " + awareness.at() + " from " + awareness.source() + " (recorded by " + awareness.recordedBy() + ")"
            + (aiActCases.isEmpty() ? "" : "; Art. 73 cases " + aiActCases.stream().map(Enum::name).sorted().toList()));
    return plan;
  }

  /** A notification as recorded: the judged record, to whom it went and when it was entered. */
  public record RecordedNotification(NotificationRecord record, String recipient, Instant recordedAt) {}

  /** The outcome of {@link #notify}: the judged record and the plan with it. */
  public record NotifyResult(NotificationRecord record, ClockPlan plan) {}

  /**
   * Records a notification (or, GDPR Art. 33(5), a documented decision not to notify) against a
   * deadline of the incident. It is judged against the current plan first; a late first notification
   * without reasons, a deadline the incident does not have or one that still waits are refused with
   * the reason and nothing is stored.
   *
   * @param recipient to whom it went (the controller, the authority, the BSI portal, …)
   */
  public NotifyResult notify(String incidentId, NotificationRequest request, String recipient, String actor) {
    IncidentRecord incident = incidents.find(incidentId).orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
    ClockFacts facts = facts(incident);
    if (facts.classifications().isEmpty()) {
      throw new IllegalArgumentException(incidentId + " is not classified under any regime; classify it first");
    }
    NotificationRecord record = Notifications.record(planner.plan(facts), request);
    Instant now = clock.instant();
    BreachContent c = request.content();
    clocks.addNotification(new NotificationRow(incidentId, request.deadline().name(), request.sentAt(), request.outcome().name(),
        recipient, request.recordedBy(), now, request.reason(), c == null ? null : c.nature(), c == null ? null : c.contact(),
        c == null ? null : c.likelyConsequences(), c == null ? null : c.measures(), request.dataSubjectsInformed(),
        record.phase(), record.timeliness().name(), record.lateBy().toSeconds()));
    audit.append(now, actor, incidentId, "notify", null,
        request.deadline().key() + " phase " + record.phase() + " " + record.timeliness().name().toLowerCase(java.util.Locale.ROOT),
        "sent " + request.sentAt() + (recipient == null ? "" : " to " + recipient)
            + (request.reason() == null ? "" : "; reasons: " + request.reason())
            + (c == null ? "" : c.isComplete() ? "; Art. 33(3) content complete" : "; Art. 33(3) still missing " + c.missingItems())
            + (request.dataSubjectsInformed() ? "; data subjects informed (Art. 34)" : ""));
    return new NotifyResult(record, planner.plan(facts.withNotification(record)));
  }

  /** The notifications recorded on an incident, in recording order. */
  public List<RecordedNotification> notifications(String incidentId) {
    return clocks.notifications(incidentId).stream()
        .map(n -> new RecordedNotification(record(n), n.recipient(), n.recordedAt()))
        .toList();
  }

  /**
   * The outcome of an awareness correction: what moved, the deadlines now overdue (say so loudly)
   * and warnings about notifications that were on time under the old awareness and are not under
   * the new one.
   */
  public record AwarenessResult(List<ClockPlanner.Correction> corrections, ClockPlan plan, List<DeadlineStatus> overdue,
      List<String> warnings) {}

  /**
   * Corrects the awareness of the given regimes (all the incident is classified under when empty).
   * Every deadline recomputes; each correction is a timeline entry with old → new and why. Refused
   * before anything is stored when the new awareness is after a classification or in the future.
   */
  public AwarenessResult correctAwareness(String incidentId, List<Regime> regimes, Awareness corrected, String actor, String reason) {
    IncidentRecord incident = incidents.find(incidentId).orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
    Instant now = clock.instant();
    if (corrected.at().isAfter(now)) {
      throw new IllegalArgumentException("awareness at " + corrected.at() + " is in the future; give the time it actually arose");
    }
    ClockFacts facts = facts(incident);
    List<Regime> targets = regimes.isEmpty()
        ? facts.classifications().stream().map(Classification::regime).toList() : regimes;
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(incidentId + " is not classified under any regime; use classify, which records awareness");
    }
    List<ClockPlanner.Correction> corrections = new ArrayList<>();
    for (Regime r : targets) {
      ClockPlanner.Correction c = planner.correctAwareness(facts, r, corrected);
      corrections.add(c);
      facts = c.facts();
    }
    ClockFacts before = facts(incident);
    for (Regime r : targets) {
      Awareness old = before.classification(r).orElseThrow().awareness();
      clocks.correctAwareness(incidentId, r.name(), corrected.at(), corrected.source(), corrected.recordedBy());
      audit.append(now, actor, incidentId, "awareness", r.name() + " aware at " + old.at() + " from " + old.source(),
          r.name() + " aware at " + corrected.at() + " from " + corrected.source(), reason);
    }
    ClockPlan plan = planner.plan(facts);
    return new AwarenessResult(List.copyOf(corrections), plan, plan.overdueAt(now), noLongerOnTime(plan, "corrected awareness"));
  }

  /** Notifications judged on time when recorded that {@code plan} (after a correction) makes late. */
  private static List<String> noLongerOnTime(ClockPlan plan, String because) {
    List<String> warnings = new ArrayList<>();
    for (NotificationRecord n : plan.facts().notifications()) {
      var d = plan.deadline(n.deadline());
      if (n.timeliness() == NotificationRecord.Timeliness.ON_TIME && d.isPresent() && !d.get().isWaiting()
          && n.sentAt().isAfter(d.get().due())) {
        warnings.add("the " + n.deadline().label() + " sent " + plan.render(n.sentAt()) + " was on time, but under the " + because
            + " it was due " + plan.render(d.get().due()) + ": record the reasons for the delay with a follow-up");
      }
    }
    return List.copyOf(warnings);
  }

  /**
   * The outcome of changing the AI Act Art. 73 cases: the deadlines that moved, the new plan, the
   * deadlines now overdue (say so loudly) and notifications that were on time and are not any more.
   */
  public record CasesResult(List<io.slamon.incident.clock.DeadlineChange> changes, ClockPlan plan, List<DeadlineStatus> overdue,
      List<String> warnings) {}

  /**
   * Replaces the AI Act Art. 73 cases of an incident classified under {@link Regime#AI_ACT} (what is
   * known changes: a person died days after the report of an injury). The deadline recomputes from
   * the same awareness; the change is a timeline entry with old → new and why. Giving the cases it
   * has already changes and stores nothing.
   *
   * @param cases the cases that apply now (empty: the general 15-day case)
   */
  public CasesResult changeAiActCases(String incidentId, java.util.Set<io.slamon.incident.clock.AiActCase> cases, String actor,
      String reason) {
    IncidentRecord incident = incidents.find(incidentId).orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
    ClockFacts facts = facts(incident);
    if (facts.classification(Regime.AI_ACT).isEmpty()) {
      throw new IllegalArgumentException(incidentId + " is not classified under AI_ACT; classify it with --ai-act-case first");
    }
    Instant now = clock.instant();
    ClockPlan before = planner.plan(facts);
    ClockPlan after = planner.plan(new ClockFacts(facts.zone(), facts.classifications(), facts.avvDeadline(), cases, facts.notifications()));
    List<String> oldCases = facts.aiActCases().stream().map(Enum::name).sorted().toList();
    List<String> newCases = cases.stream().map(Enum::name).sorted().toList();
    if (!oldCases.equals(newCases)) {
      clocks.setAiActCases(incidentId, newCases);
      audit.append(now, actor, incidentId, "ai-act-cases", "Art. 73 cases " + oldCases, "Art. 73 cases " + newCases, reason);
    }
    return new CasesResult(after.changesFrom(before), after, after.overdueAt(now), noLongerOnTime(after, "changed Art. 73 cases"));
  }

  /** The current plan of an incident's clocks, if it is classified under any regime. */
  public Optional<ClockPlan> plan(String incidentId) {
    return incidents.find(incidentId).flatMap(this::plan);
  }

  private Optional<ClockPlan> plan(IncidentRecord incident) {
    ClockFacts facts = facts(incident);
    return facts.classifications().isEmpty() ? Optional.empty() : Optional.of(planner.plan(facts));
  }

  /** The contract settings of a tenant ({@code null}: provider scope). */
  public TenantClockSettings settingsOf(String tenant) {
    return settings.apply(tenant);
  }

  /** Every escalation step of a plan (fired or not), in time order. */
  public List<EscalationStep> escalationSteps(ClockPlan plan) {
    return escalations.steps(plan);
  }

  /** Ids of the escalation steps already fired for an incident. */
  public java.util.Set<String> firedSteps(String incidentId) {
    return clocks.firedSteps(incidentId);
  }

  /** Marks every due and not yet fired escalation step as fired and returns them, oldest incident first. */
  public List<FiredEscalation> fireDue() {
    Instant now = clock.instant();
    List<FiredEscalation> fired = new ArrayList<>();
    for (String id : clocks.classifiedIncidents()) {
      // A cancelled incident was opened in error (or merged away): it has no duty left to escalate.
      // Resolved and closed ones keep escalating: restoring service does not discharge a reporting duty.
      Optional<IncidentRecord> incident = incidents.find(id).filter(i -> !IncidentState.CANCELLED.wireName().equals(i.state()));
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
    List<String> cases = clocks.aiActCases(incident.id());
    if (!cases.isEmpty()) {
      facts = new ClockFacts(facts.zone(), facts.classifications(), facts.avvDeadline(),
          cases.stream().map(io.slamon.incident.clock.AiActCase::valueOf).collect(java.util.stream.Collectors.toSet()),
          facts.notifications());
    }
    for (NotificationRow n : clocks.notifications(incident.id())) {
      facts = facts.withNotification(record(n));
    }
    return facts;
  }

  private static NotificationRecord record(NotificationRow n) {
    BreachContent content = n.nature() == null && n.contact() == null && n.consequences() == null && n.measures() == null
        ? null : new BreachContent(n.nature(), n.contact(), n.consequences(), n.measures());
    var request = new NotificationRequest(io.slamon.incident.clock.DeadlineKind.valueOf(n.deadline()), n.sentAt(),
        NotificationRequest.Outcome.valueOf(n.outcome()), n.recordedBy(), n.reason(), content, n.dataSubjectsInformed());
    return new NotificationRecord(request, n.phase(), NotificationRecord.Timeliness.valueOf(n.timeliness()),
        Duration.ofSeconds(n.lateBySeconds()));
  }
}
