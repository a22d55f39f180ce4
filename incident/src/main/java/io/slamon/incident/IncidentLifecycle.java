package io.slamon.incident;

import io.slamon.store.AuditLog;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.NoSuchElementException;

/**
 * Moves incidents through their states. Every change is checked against {@link IncidentState},
 * stored only if nobody changed the incident meanwhile, and written to the audit log with who, why
 * and old → new, so the timeline is complete and tamper-evident.
 */
public final class IncidentLifecycle {
  private final IncidentStore store;
  private final AuditLog audit;
  private final InstantSource clock;

  public IncidentLifecycle(IncidentStore store, AuditLog audit, InstantSource clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Changes the state of incident {@code id} to {@code to}. Cancelling and reopening need a reason.
   *
   * @throws NoSuchElementException when there is no such incident
   * @throws IllegalStateException when the transition is not allowed or the incident changed meanwhile
   * @throws IllegalArgumentException when a required reason is missing
   */
  public IncidentRecord transition(String id, IncidentState to, String actor, String reason) {
    IncidentRecord current = store.find(id).orElseThrow(() -> new NoSuchElementException("no incident " + id));
    IncidentState from = IncidentState.fromWireName(current.state());
    from.checkTransition(id, to);
    if ((to == IncidentState.CANCELLED || to == IncidentState.OPEN) && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException(to == IncidentState.CANCELLED
          ? "cancelling " + id + " needs a reason (the record is kept and the reason is audited)"
          : "reopening " + id + " needs a reason");
    }
    Instant now = clock.instant();
    IncidentRecord updated = store.updateState(id, from.wireName(), to.wireName(), now)
        .orElseThrow(() -> new IllegalStateException(id + " changed while you were looking at it; show it again and retry"));
    audit.append(now, actor, id, "state", from.wireName(), to.wireName(), reason);
    return updated;
  }
}
