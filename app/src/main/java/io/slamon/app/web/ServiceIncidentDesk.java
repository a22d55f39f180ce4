package io.slamon.app.web;

import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.IncidentFilter;
import io.slamon.incident.IncidentService;
import io.slamon.incident.IncidentState;
import io.slamon.incident.ManualIncident;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.RegulatoryClocks.AwarenessResult;
import io.slamon.incident.RegulatoryClocks.NotifyResult;
import io.slamon.incident.RegulatoryClocks.RecordedNotification;
import io.slamon.incident.Scope;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Regime;
import io.slamon.store.AuditLog;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import java.util.List;
import java.util.Optional;

/**
 * {@link IncidentDesk} over the incident module's {@link IncidentService} (every change and the
 * scope rules) plus cheap reads of the store, clocks and audit log for the lists, each of which
 * first checks that the incident is in the scope.
 */
public final class ServiceIncidentDesk implements IncidentDesk {
  private final IncidentService service;
  private final IncidentStore incidents;
  private final AuditLog audit;
  private final RegulatoryClocks clocks;

  public ServiceIncidentDesk(IncidentService service, IncidentStore incidents, AuditLog audit, RegulatoryClocks clocks) {
    this.service = service;
    this.incidents = incidents;
    this.audit = audit;
    this.clocks = clocks;
  }

  @Override
  public List<IncidentRecord> list(Scope scope, String tenant) {
    return service.list(scope, IncidentFilter.ALL.forTenant(tenant));
  }

  @Override
  public Optional<IncidentRecord> find(Scope scope, String id) {
    return incidents.find(id).filter(i -> scope.covers(i.tenant()));
  }

  @Override
  public Optional<ClockPlan> clocks(Scope scope, String id) {
    return find(scope, id).flatMap(i -> clocks.plan(i.id()));
  }

  @Override
  public List<AuditEntry> timeline(Scope scope, String id) {
    return find(scope, id).map(i -> audit.forSubject(i.id())).orElse(List.of());
  }

  @Override
  public List<RecordedNotification> notifications(Scope scope, String id) {
    return find(scope, id).map(i -> clocks.notifications(i.id())).orElse(List.of());
  }

  @Override
  public IncidentRecord open(Scope scope, ManualIncident request, String actor) {
    return service.open(scope, request, actor);
  }

  @Override
  public IncidentRecord merge(Scope scope, String survivor, String absorbed, String actor, String reason) {
    return service.merge(scope, survivor, absorbed, actor, reason);
  }

  @Override
  public IncidentRecord transition(Scope scope, String id, IncidentState to, String actor, String reason) {
    return service.transition(scope, id, to, actor, reason);
  }

  @Override
  public ClockPlan classify(Scope scope, String id, Regime regime, Awareness awareness, String actor) {
    return service.classify(scope, id, regime, awareness, actor);
  }

  @Override
  public NotifyResult notify(Scope scope, String id, NotificationRequest request, String recipient, String actor) {
    return service.notify(scope, id, request, recipient, actor);
  }

  @Override
  public AwarenessResult correctAwareness(Scope scope, String id, List<Regime> regimes, Awareness corrected, String actor,
      String reason) {
    return service.correctAwareness(scope, id, regimes, corrected, actor, reason);
  }
}
