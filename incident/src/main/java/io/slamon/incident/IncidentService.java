package io.slamon.incident;

import io.slamon.core.audit.AuditChain;
import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.RegulatoryClocks.AwarenessResult;
import io.slamon.incident.RegulatoryClocks.NotifyResult;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.incident.clock.EscalationStep;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Regime;
import io.slamon.store.AuditLog;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the CLI, the HTTP API and the portal do with incidents, in one place and always within a
 * {@link Scope}: a tenant scope never lists, shows or changes another tenant's incident (or a
 * provider incident); such an id is answered exactly like an unknown one, so ids do not leak.
 *
 * <p>Errors: {@link NoSuchElementException} (unknown or out of scope), {@link
 * IllegalArgumentException} (bad input, with what to fix), {@link IllegalStateException} (not
 * allowed in the incident's state, or it changed meanwhile). Nothing is stored when one is thrown.
 */
public final class IncidentService {
  private final IncidentStore store;
  private final AuditLog audit;
  private final IncidentLifecycle lifecycle;
  private final RegulatoryClocks clocks;
  private final InstantSource clock;

  public IncidentService(IncidentStore store, AuditLog audit, RegulatoryClocks clocks, InstantSource clock) {
    this.store = store;
    this.audit = audit;
    this.lifecycle = new IncidentLifecycle(store, audit, clock);
    this.clocks = clocks;
    this.clock = clock;
  }

  /**
   * The service over a database, as the CLI, the HTTP API and the portal build it.
   *
   * @param settings a tenant's zone, AVV deadline and response targets ({@code null} tenant: the provider)
   */
  public static IncidentService over(io.slamon.store.Database db,
      java.util.function.Function<String, RegulatoryClocks.TenantClockSettings> settings, InstantSource clock) {
    return new IncidentService(db.incidentStore(), db.auditLog(), RegulatoryClocks.over(db, settings, clock), clock);
  }

  /** Incidents in the scope that match the filter, newest first. */
  public List<IncidentRecord> list(Scope scope, IncidentFilter filter) {
    String tenant = filter.tenant();
    if (!scope.isProvider()) {
      if (tenant != null && !tenant.equals(scope.tenant())) {
        return List.of();
      }
      tenant = scope.tenant();
    }
    return store.list(tenant).stream()
        .filter(i -> scope.covers(i.tenant()))
        .filter(i -> !filter.liveOnly() || IncidentState.fromWireName(i.state()).live())
        .filter(i -> filter.state() == null || filter.state().wireName().equals(i.state()))
        .toList();
  }

  /** One incident with its timeline, clocks (strict and legal deadlines, status, escalations) and notifications. */
  public IncidentView show(Scope scope, String id) {
    IncidentRecord incident = find(scope, id);
    List<AuditEntry> timeline = audit.forSubject(id);
    Optional<ClockPlan> plan = clocks.plan(id);
    List<IncidentView.Clock> views = new ArrayList<>();
    if (plan.isPresent()) {
      Instant now = clock.instant();
      Set<String> fired = clocks.firedSteps(id);
      List<EscalationStep> steps = clocks.escalationSteps(plan.get());
      for (DeadlineStatus status : plan.get().statuses(now)) {
        var d = status.deadline();
        var escalations = steps.stream().filter(s -> s.deadline() == d.kind())
            .map(s -> new IncidentView.Escalation(s, fired.contains(s.id()))).toList();
        views.add(new IncidentView.Clock(d, status, d.isWaiting() ? "" : plan.get().render(d.due()),
            d.isWaiting() ? "" : plan.get().render(d.legalDue()), escalations));
      }
    }
    return new IncidentView(incident, store.activity(id), timeline, timelineProblem(timeline), response(incident, timeline), views,
        clocks.notifications(id), store.significance(id));
  }

  /** The response targets and the first moments the timeline shows them reached. */
  private IncidentView.Response response(IncidentRecord incident, List<AuditEntry> timeline) {
    var settings = clocks.settingsOf(incident.tenant());
    var deadlines = io.slamon.incident.hours.ResponseDeadlines.of(settings.targets(), settings.zone(),
        io.slamon.core.Severity.valueOf(incident.severity()), incident.openedAt());
    Instant acknowledged = null;
    Instant restored = null;
    for (AuditEntry e : timeline) {
      if (!"state".equals(e.action()) || e.newValue() == null) {
        continue;
      }
      IncidentState to = IncidentState.fromWireName(e.newValue());
      // Mitigating or resolving without a separate acknowledgement still means someone was on it.
      if (acknowledged == null && to != IncidentState.OPEN && to != IncidentState.CANCELLED) {
        acknowledged = e.at();
      }
      if (restored == null && to == IncidentState.RESOLVED) {
        restored = e.at();
      }
    }
    return new IncidentView.Response(deadlines, acknowledged, restored);
  }

  /**
   * Checks only this incident's entries, each against its own stored hash: cheap enough for every
   * {@code show}, and it catches an edited entry. Deleted or reordered entries break the links
   * between entries of all subjects, which {@code slamon audit verify} checks over the whole chain.
   */
  private static Optional<String> timelineProblem(List<AuditEntry> timeline) {
    for (AuditEntry e : timeline) {
      if (!AuditChain.expectedHash(e).equals(e.hash())) {
        return Optional.of("entry #" + e.seq() + " (" + e.action() + ") was changed after it was written");
      }
    }
    return Optional.empty();
  }

  /** Opens an incident by hand; a tenant scope can only open incidents of its own tenant. */
  public IncidentRecord open(Scope scope, ManualIncident request, String actor) {
    if (!scope.covers(request.tenant())) {
      throw new IllegalArgumentException("a tenant can only open incidents of its own ("
          + scope.tenant() + "), not of " + (request.tenant() == null ? "the provider" : request.tenant()));
    }
    Instant now = clock.instant();
    String id = store.nextId(now.atZone(ZoneOffset.UTC).getYear());
    // The id in the fingerprint keeps a manual incident out of signal deduplication.
    String fingerprint = (request.tenant() == null ? "provider" : request.tenant()) + "/manual/" + id + "/" + request.component();
    IncidentRecord stored = store.openOrGet(new IncidentRecord(id, request.tenant(), fingerprint, request.severity().name(),
        IncidentState.OPEN.wireName(), request.title(), now, now));
    audit.append(now, actor, id, "opened", null, stored.severity() + " " + stored.state(),
        request.detail() == null ? "opened by hand" : request.detail());
    return stored;
  }

  /** Moves an incident to another state (see {@link IncidentLifecycle#transition}). */
  public IncidentRecord transition(Scope scope, String id, IncidentState to, String actor, String reason) {
    find(scope, id);
    return lifecycle.transition(id, to, actor, reason);
  }

  public IncidentRecord acknowledge(Scope scope, String id, String actor) {
    return transition(scope, id, IncidentState.ACKNOWLEDGED, actor, null);
  }

  public IncidentRecord resolve(Scope scope, String id, String actor, String reason) {
    return transition(scope, id, IncidentState.RESOLVED, actor, reason);
  }

  /** Classifies under a regime, starting its clock at awareness (see {@link RegulatoryClocks#classify}). */
  public ClockPlan classify(Scope scope, String id, Regime regime, Awareness awareness, String actor) {
    return classify(scope, id, regime, awareness, actor, Set.of());
  }

  /** Classifies; for the AI Act with the Art. 73 cases that apply (the shortest limit wins). */
  public ClockPlan classify(Scope scope, String id, Regime regime, Awareness awareness, String actor,
      Set<io.slamon.incident.clock.AiActCase> aiActCases) {
    find(scope, id);
    if (awareness.at().isAfter(clock.instant())) {
      throw new IllegalArgumentException("awareness at " + awareness.at() + " is in the future; give the time it actually arose");
    }
    return clocks.classify(id, regime, awareness, actor, aiActCases);
  }

  /** Records a (phased) notification (see {@link RegulatoryClocks#notify}). */
  public NotifyResult notify(Scope scope, String id, NotificationRequest request, String recipient, String actor) {
    find(scope, id);
    return clocks.notify(id, request, recipient, actor);
  }

  /** Corrects awareness of some or all regimes (see {@link RegulatoryClocks#correctAwareness}). */
  public AwarenessResult correctAwareness(Scope scope, String id, List<Regime> regimes, Awareness corrected, String actor,
      String reason) {
    find(scope, id);
    return clocks.correctAwareness(id, regimes, corrected, actor, reason);
  }

  /** Changes the AI Act Art. 73 cases of an AI_ACT classification (see {@link RegulatoryClocks#changeAiActCases}). */
  public RegulatoryClocks.CasesResult changeAiActCases(Scope scope, String id, Set<io.slamon.incident.clock.AiActCase> cases,
      String actor, String reason) {
    find(scope, id);
    return clocks.changeAiActCases(id, cases, actor, reason);
  }

  /**
   * Merges incident {@code absorbed} into {@code survivor} (duplicates of one event): the survivor
   * keeps the earlier opening and awareness times and takes over classifications and
   * notifications; the absorbed one is cancelled with a reference to the survivor. Both must be in
   * the scope, of the same tenant, and neither closed or cancelled. Audited on both.
   */
  public IncidentRecord merge(Scope scope, String survivor, String absorbed, String actor, String reason) {
    IncidentRecord a = find(scope, survivor);
    IncidentRecord b = find(scope, absorbed);
    if (a.id().equals(b.id())) {
      throw new IllegalArgumentException("cannot merge " + a.id() + " into itself");
    }
    if (!Objects.equals(a.tenant(), b.tenant())) {
      throw new IllegalArgumentException("cannot merge incidents of different tenants: " + a.id() + " is "
          + owner(a) + "'s, " + b.id() + " is " + owner(b) + "'s");
    }
    for (IncidentRecord r : List.of(a, b)) {
      IncidentState s = IncidentState.fromWireName(r.state());
      if (s == IncidentState.CLOSED || s == IncidentState.CANCELLED) {
        throw new IllegalStateException("cannot merge " + r.id() + ": it is " + s.wireName());
      }
    }
    Instant now = clock.instant();
    IncidentRecord merged = store.merge(a.id(), b.id(), now);
    String why = reason == null || reason.isBlank() ? "" : reason + "; ";
    audit.append(now, actor, a.id(), "merge", null, "absorbed " + b.id(), why
        + (merged.openedAt().equals(a.openedAt()) ? "kept opened " + a.openedAt() : "opened " + a.openedAt() + " -> " + merged.openedAt())
        + "; classifications with the earlier awareness and notifications taken over");
    audit.append(now, actor, b.id(), "merge", b.state(), "cancelled, merged into " + a.id(), reason);
    return merged;
  }

  private IncidentRecord find(Scope scope, String id) {
    return store.find(id).filter(i -> scope.covers(i.tenant()))
        .orElseThrow(() -> new NoSuchElementException("no incident " + id));
  }

  private static String owner(IncidentRecord r) {
    return r.tenant() == null ? "the provider" : r.tenant();
  }
}
