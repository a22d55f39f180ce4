package io.slamon.incident.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * A recorded notification, judged against its deadline.
 *
 * @param phase 1 for the first notification of a deadline, 2… for Art. 33(4) follow-ups and DORA
 *     updated intermediate reports
 * @param lateBy how late the first phase was (zero when on time or not applicable)
 */
public record NotificationRecord(
    NotificationRequest request, int phase, Timeliness timeliness, Duration lateBy) {

  public enum Timeliness {
    ON_TIME,
    LATE,
    /** A later phase; the deadline was judged on the first one. */
    FOLLOW_UP,
    /** A documented decision not to notify; there is nothing to be late with. */
    NOT_APPLICABLE
  }

  public NotificationRecord {
    if (request == null || timeliness == null || lateBy == null || phase < 1) {
      throw new IllegalArgumentException("incomplete notification record");
    }
    if (timeliness == Timeliness.LATE && request.reason() == null) {
      throw new IllegalArgumentException("a late notification needs the reasons for the delay");
    }
  }

  public DeadlineKind deadline() {
    return request.deadline();
  }

  public Instant sentAt() {
    return request.sentAt();
  }

  public boolean notified() {
    return request.outcome() == NotificationRequest.Outcome.NOTIFIED;
  }
}
