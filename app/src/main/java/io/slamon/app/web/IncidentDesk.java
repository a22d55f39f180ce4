package io.slamon.app.web;

import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.IncidentState;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.Regime;
import io.slamon.store.IncidentRecord;
import java.util.List;
import java.util.Optional;

/**
 * What the portal and the API read and do about incidents. Authorisation is not its job: callers
 * ({@link Principal}) decide who may see or change which incident. A thin seam so the incident
 * module's service can replace {@link StoreIncidentDesk} without touching the web code.
 */
public interface IncidentDesk {
  /** Incidents of one tenant, or of every tenant and the provider when {@code tenant} is null; newest first. */
  List<IncidentRecord> list(String tenant);

  Optional<IncidentRecord> find(String id);

  /** The regulatory clocks of an incident, if it is classified under any regime. */
  Optional<ClockPlan> clocks(String id);

  /** The audited timeline of an incident, oldest first. */
  List<AuditEntry> timeline(String id);

  /**
   * Changes an incident's state (audited).
   *
   * @throws java.util.NoSuchElementException no such incident
   * @throws IllegalStateException the transition is not allowed or the incident changed meanwhile
   * @throws IllegalArgumentException a required reason is missing
   */
  IncidentRecord transition(String id, IncidentState to, String actor, String reason);

  /** Classifies an incident under a regime, which starts its clock at the awareness (audited). */
  ClockPlan classify(String id, Regime regime, Awareness awareness, String actor);
}
