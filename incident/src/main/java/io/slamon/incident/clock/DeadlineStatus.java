package io.slamon.incident.clock;

import io.slamon.core.Durations;
import java.time.Duration;

/**
 * Where a deadline stands at a moment.
 *
 * @param amount time left (RUNNING), overdue by (OVERDUE), late by (MET_LATE), else zero
 * @param message a sentence for people, loud when overdue
 */
public record DeadlineStatus(Deadline deadline, State state, Duration amount, String message) {

  public enum State {
    /** The deadline depends on a step that has not happened yet. */
    WAITING,
    RUNNING,
    /** Past due and nothing sent: say so loudly. */
    OVERDUE,
    MET,
    MET_LATE,
    /** GDPR Art. 33(5): documented without notification. */
    NOT_NOTIFIED_DOCUMENTED
  }

  public DeadlineStatus {
    if (deadline == null || state == null || amount == null || message == null) {
      throw new IllegalArgumentException("incomplete deadline status");
    }
  }

  public DeadlineKind kind() {
    return deadline.kind();
  }

  static String human(Duration d) {
    return Durations.format(d.withNanos(0));
  }
}
