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
 * @param clocks one per deadline of every regime it is classified under
 * @param notifications recorded notifications, in recording order
 */
public record IncidentView(
    IncidentRecord incident,
    Activity activity,
    List<AuditEntry> timeline,
    Optional<String> timelineProblem,
    List<Clock> clocks,
    List<RecordedNotification> notifications) {

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

  /** An escalation step of a deadline and whether it has fired. */
  public record Escalation(EscalationStep step, boolean fired) {}

  /** The loud list: deadlines that are overdue now. */
  public List<Clock> overdue() {
    return clocks.stream().filter(c -> c.status().state() == DeadlineStatus.State.OVERDUE).toList();
  }
}
