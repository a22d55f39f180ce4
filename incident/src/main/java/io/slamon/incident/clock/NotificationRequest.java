package io.slamon.incident.clock;

import java.time.Instant;

/**
 * A notification (or documented decision not to notify) that someone wants to record against a
 * deadline; {@link Notifications#record} checks it against the plan.
 *
 * @param deadline the deadline it answers
 * @param sentAt when it was sent (or, for a decision not to notify, when it was taken)
 * @param outcome notified, or (DSGVO controller only, Art. 33(5)) documented without notification
 * @param recordedBy who records it
 * @param reason reasons for a delay (required when late) or why no notification is needed
 * @param content Art. 33(3) content, DSGVO deadlines only; may be partial (Art. 33(4) phases)
 * @param dataSubjectsInformed Art. 34: the data subjects were told (high risk), DSGVO only
 */
public record NotificationRequest(
    DeadlineKind deadline,
    Instant sentAt,
    Outcome outcome,
    String recordedBy,
    String reason,
    BreachContent content,
    boolean dataSubjectsInformed) {

  public enum Outcome {
    NOTIFIED,
    /** GDPR Art. 33(5): not notified (breach unlikely to result in a risk) but documented. */
    NOT_NOTIFIED_DOCUMENTED
  }

  public NotificationRequest {
    if (deadline == null || sentAt == null || outcome == null) {
      throw new IllegalArgumentException("a notification needs a deadline, a time and an outcome");
    }
    if (recordedBy == null || recordedBy.isBlank()) {
      throw new IllegalArgumentException("a notification needs the person who records it");
    }
    reason = reason == null || reason.isBlank() ? null : reason;
  }

  /** A plain notification sent at {@code sentAt}. */
  public static NotificationRequest sent(DeadlineKind deadline, Instant sentAt, String recordedBy) {
    return new NotificationRequest(
        deadline, sentAt, Outcome.NOTIFIED, recordedBy, null, null, false);
  }

  public NotificationRequest withReason(String newReason) {
    return new NotificationRequest(
        deadline, sentAt, outcome, recordedBy, newReason, content, dataSubjectsInformed);
  }

  public NotificationRequest withContent(BreachContent newContent) {
    return new NotificationRequest(
        deadline, sentAt, outcome, recordedBy, reason, newContent, dataSubjectsInformed);
  }

  public NotificationRequest withDataSubjectsInformed(boolean informed) {
    return new NotificationRequest(
        deadline, sentAt, outcome, recordedBy, reason, content, informed);
  }
}
