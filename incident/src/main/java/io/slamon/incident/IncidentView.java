package io.slamon.incident;

import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.RegulatoryClocks.RecordedNotification;
import io.slamon.incident.clock.Deadline;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.incident.clock.EscalationStep;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore.Activity;
import java.util.List;
import java.util.Optional;

/**
 * Everything the CLI, the API and the portal show about one incident.
 *
 * @param incident the stored row
 * @param activity repeats of its signal, when last seen, what it was merged into
 * @param timeline its audit entries, oldest first
 * @param timelineProblem empty when every timeline entry still hashes to its stored hash; the
 *     whole chain (deleted or reordered entries) is checked by {@code slamon audit verify}
 * @param response the contractual acknowledge / restore targets and when they were reached
 * @param clocks one per deadline of every regime it is classified under
 * @param notifications recorded notifications, in recording order
 * @param significance when the stored availability data showed it crossing the NIS2 cloud
 *     thresholds (Implementing Regulation (EU) 2024/2690 Art. 7(a), (b)); see {@link Nis2Watch}
 */
public record IncidentView(
    IncidentRecord incident,
    Activity activity,
    List<AuditEntry> timeline,
    Optional<String> timelineProblem,
    Response response,
    List<Clock> clocks,
    List<RecordedNotification> notifications,
    io.slamon.store.IncidentStore.Significance significance) {

  /** The note shown next to every strict deadline. */
  public static final String LEGAL_READING_NOTE =
      "legal reading, Regulation (EEC, Euratom) No 1182/71 Art. 3(1): the hour (day) in which the period starts is not counted";

  public IncidentView {
    timeline = List.copyOf(timeline);
    clocks = List.copyOf(clocks);
    notifications = List.copyOf(notifications);
  }

  /**
   * One deadline with its status and escalation steps.
   *
   * @param due the strict deadline rendered in the tenant's zone (empty while it waits)
   * @param legalDue the legal reading rendered in the tenant's zone (empty while it waits)
   */
  public record Clock(Deadline deadline, DeadlineStatus status, String due, String legalDue, List<Escalation> escalations) {
    public Clock {
      escalations = List.copyOf(escalations);
    }
  }

  /**
   * The contract's response targets for the incident's severity and when the incident was first
   * acknowledged (or moved past it) and first resolved; {@code null} while not yet.
   */
  public record Response(io.slamon.incident.hours.ResponseDeadlines deadlines, java.time.Instant acknowledgedAt,
      java.time.Instant restoredAt) {
    /** Acknowledged after the target, or not yet and the target has passed. */
    public boolean acknowledgeMissed(java.time.Instant now) {
      return (acknowledgedAt == null ? now : acknowledgedAt).isAfter(deadlines.acknowledgeBy());
    }

    /** Restored after the target, or not yet and the target has passed. */
    public boolean restoreMissed(java.time.Instant now) {
      return (restoredAt == null ? now : restoredAt).isAfter(deadlines.restoreBy());
    }
  }

  /** An escalation step of a deadline and whether it has fired. */
  public record Escalation(EscalationStep step, boolean fired) {}

  /** The loud list: deadlines that are overdue now. */
  public List<Clock> overdue() {
    return clocks.stream().filter(c -> c.status().state() == DeadlineStatus.State.OVERDUE).toList();
  }
}
