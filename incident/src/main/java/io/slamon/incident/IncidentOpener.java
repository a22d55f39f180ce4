package io.slamon.incident;

import io.slamon.store.AuditLog;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import java.time.InstantSource;
import java.time.ZoneOffset;

/**
 * Opens an incident for a signal, or returns the open incident that already carries the signal's
 * fingerprint, so a breach seen on every evaluation opens one incident, not one per evaluation.
 */
public final class IncidentOpener {
  private final IncidentStore store;
  private final AuditLog audit;
  private final InstantSource clock;

  public IncidentOpener(IncidentStore store, AuditLog audit, InstantSource clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** The incident for this signal and whether this call opened it. */
  public record Outcome(IncidentRecord incident, boolean opened) {}

  public Outcome open(Signal signal) {
    // Look first, so a repeat does not use up an incident id (ids are meant to be gap-free); a race
    // between two openers is still settled by the store's unique index.
    var live = store.findLive(signal.tenant(), signal.fingerprint())
        .or(() -> store.findLiveMergeTarget(signal.tenant(), signal.fingerprint()));
    if (live.isPresent()) {
      store.recordRepeat(live.get().id(), signal.observedAt());
      return new Outcome(live.get(), false);
    }
    var now = clock.instant();
    String id = store.nextId(now.atZone(ZoneOffset.UTC).getYear());
    var candidate = new IncidentRecord(
        id,
        signal.tenant(),
        signal.fingerprint(),
        SeverityPolicy.severityFor(signal).name(),
        "open",
        SeverityPolicy.titleFor(signal),
        now,
        now);
    IncidentRecord stored = store.openOrGet(candidate);
    boolean opened = stored.id().equals(id);
    if (opened) {
      // The first entry of the incident's timeline; repeats of the signal are counted on the
      // incident (IncidentStore.recordRepeat), not audited one by one.
      audit.append(now, "slamon", id, "opened", null, stored.severity() + " " + stored.state(), signal.detail());
    } else {
      store.recordRepeat(stored.id(), signal.observedAt());
    }
    return new Outcome(stored, opened);
  }
}
