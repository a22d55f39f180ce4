package io.slamon.app.web;

import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.IncidentLifecycle;
import io.slamon.incident.IncidentState;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.Regime;
import io.slamon.store.AuditLog;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import java.util.List;
import java.util.Optional;

/** {@link IncidentDesk} over the store and the incident module's lifecycle and clocks. */
public final class StoreIncidentDesk implements IncidentDesk {
  private final IncidentStore incidents;
  private final AuditLog audit;
  private final IncidentLifecycle lifecycle;
  private final RegulatoryClocks clocks;

  public StoreIncidentDesk(IncidentStore incidents, AuditLog audit, IncidentLifecycle lifecycle, RegulatoryClocks clocks) {
    this.incidents = incidents;
    this.audit = audit;
    this.lifecycle = lifecycle;
    this.clocks = clocks;
  }

  @Override
  public List<IncidentRecord> list(String tenant) {
    return incidents.list(tenant);
  }

  @Override
  public Optional<IncidentRecord> find(String id) {
    return incidents.find(id);
  }

  @Override
  public Optional<ClockPlan> clocks(String id) {
    return clocks.plan(id);
  }

  @Override
  public List<AuditEntry> timeline(String id) {
    return audit.forSubject(id);
  }

  @Override
  public IncidentRecord transition(String id, IncidentState to, String actor, String reason) {
    return lifecycle.transition(id, to, actor, reason);
  }

  @Override
  public ClockPlan classify(String id, Regime regime, Awareness awareness, String actor) {
    return clocks.classify(id, regime, awareness, actor);
  }
}
