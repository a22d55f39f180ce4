package io.slamon.app.web;

import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.IncidentState;
import io.slamon.incident.ManualIncident;
import io.slamon.incident.RegulatoryClocks.AwarenessResult;
import io.slamon.incident.RegulatoryClocks.NotifyResult;
import io.slamon.incident.RegulatoryClocks.RecordedNotification;
import io.slamon.incident.Scope;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Regime;
import io.slamon.store.IncidentRecord;
import java.util.List;
import java.util.Optional;

/**
 * What the portal and the API read and do about incidents, always within a {@link Scope} (the
 * caller's {@link Principal#scope()}): an incident outside the scope is treated exactly like a
 * missing one. {@link ServiceIncidentDesk} delegates to the incident module's {@code
 * IncidentService}, so the API, the portal and the CLI share one logic.
 *
 * <p>Errors as in {@code IncidentService}: {@link java.util.NoSuchElementException} unknown or out
 * of scope, {@link IllegalArgumentException} bad input, {@link IllegalStateException} not allowed
 * now. Nothing is stored when one is thrown.
 */
public interface IncidentDesk {
  /** Incidents in the scope, of one tenant or of all the scope covers when {@code tenant} is null; newest first. */
  List<IncidentRecord> list(Scope scope, String tenant);

  Optional<IncidentRecord> find(Scope scope, String id);

  /** The regulatory clocks of an incident in the scope, if it is classified under any regime. */
  Optional<ClockPlan> clocks(Scope scope, String id);

  /** The audited timeline of an incident in the scope, oldest first; empty when out of scope. */
  List<AuditEntry> timeline(Scope scope, String id);

  /** The notifications recorded on an incident in the scope, in recording order; empty when out of scope. */
  List<RecordedNotification> notifications(Scope scope, String id);

  /** Opens an incident by hand (audited); a tenant scope only for its own tenant. */
  IncidentRecord open(Scope scope, ManualIncident request, String actor);

  /** Merges {@code absorbed} into {@code survivor} (both in the scope, same tenant, neither ended); returns the survivor. */
  IncidentRecord merge(Scope scope, String survivor, String absorbed, String actor, String reason);

  /** Changes an incident's state (audited). */
  IncidentRecord transition(Scope scope, String id, IncidentState to, String actor, String reason);

  /** Classifies an incident under a regime, which starts its clock at the awareness (audited). */
  ClockPlan classify(Scope scope, String id, Regime regime, Awareness awareness, String actor);

  /** Records a (phased) notification against one of the incident's deadlines (audited). */
  NotifyResult notify(Scope scope, String id, NotificationRequest request, String recipient, String actor);

  /** Corrects awareness for the given regimes (all the incident is classified under when empty); audited. */
  AwarenessResult correctAwareness(Scope scope, String id, List<Regime> regimes, Awareness corrected, String actor, String reason);
}
