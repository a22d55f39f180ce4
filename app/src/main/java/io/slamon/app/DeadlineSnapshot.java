package io.slamon.app;

import io.slamon.incident.IncidentState;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.store.Database;
import io.slamon.store.IncidentRecord;
import io.slamon.store.DeadlineBoard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the running and overdue regulatory deadlines of every live incident (table {@code
 * regulatory_deadlines}), as the incident module's rule book computes them, so the provider's
 * "open clocks nearest deadline" panel sorts by deadline in SQL. {@code serve} refreshes it after
 * every evaluation round; a change made in between (a classification through the CLI or the
 * console) shows on the dashboard at the next round.
 */
final class DeadlineSnapshot {
  private DeadlineSnapshot() {}

  /** Replaces the stored snapshot with the deadlines at {@code now}; returns how many were stored. */
  static int refresh(Database db, RegulatoryClocks clocks, Instant now) {
    return refresh(db, clocks, now, db.incidentStore().list(null));
  }

  /** As {@link #refresh(Database, RegulatoryClocks, Instant)}, over incidents the round already read. */
  static int refresh(Database db, RegulatoryClocks clocks, Instant now, List<IncidentRecord> incidents) {
    List<DeadlineBoard.Row> rows = new ArrayList<>();
    incidents.stream()
        .filter(i -> IncidentState.fromWireName(i.state()).live())
        .forEach(i -> clocks.plan(i.id()).ifPresent(plan -> {
          for (DeadlineStatus s : plan.statuses(now)) {
            if (!s.deadline().isWaiting()
                && (s.state() == DeadlineStatus.State.RUNNING || s.state() == DeadlineStatus.State.OVERDUE)) {
              rows.add(new DeadlineBoard.Row(i.id(), s.kind().key(), s.kind().regime().name(), s.deadline().due(),
                  s.deadline().legalDue(), s.state().name()));
            }
          }
        }));
    db.deadlineBoard().replace(rows, now);
    return rows.size();
  }
}
