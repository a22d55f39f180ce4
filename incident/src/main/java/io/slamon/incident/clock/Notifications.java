package io.slamon.incident.clock;

import static io.slamon.incident.clock.DeadlineStatus.human;

import io.slamon.incident.clock.NotificationRecord.Timeliness;
import io.slamon.incident.clock.NotificationRequest.Outcome;
import java.time.Duration;

/**
 * Judges a notification against its deadline: on time or late (by how much), which phase it is, and
 * whether it carries what the law asks for. Rejects bad input with a message that says what to add;
 * nothing is recorded then, so the caller can retry with the same request plus the fix.
 */
public final class Notifications {
  private Notifications() {}

  public static NotificationRecord record(ClockPlan plan, NotificationRequest req) {
    DeadlineKind kind = req.deadline();
    Deadline d =
        plan.deadline(kind)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "this incident has no "
                            + kind.label()
                            + " deadline: it is not classified under "
                            + kind.regime()));
    if (d.isWaiting()) {
      throw new IllegalArgumentException(
          "the "
              + kind.label()
              + " cannot be recorded yet: it waits for the "
              + d.waitingFor().label());
    }
    if (req.sentAt().isBefore(d.start())) {
      throw new IllegalArgumentException(
          "the "
              + kind.label()
              + " is dated "
              + plan.render(req.sentAt())
              + ", before its period started at "
              + plan.render(d.start())
              + "; check the time");
    }
    boolean dsgvo =
        kind.regime() == Regime.DSGVO_CONTROLLER || kind.regime() == Regime.DSGVO_PROCESSOR;
    if (!dsgvo && (req.content() != null || req.dataSubjectsInformed())) {
      throw new IllegalArgumentException(
          "Art. 33(3) content and the Art. 34 data-subject flag belong to DSGVO notifications, not"
              + " to the "
              + kind.label());
    }
    var earlier = plan.facts().notificationsFor(kind);
    if (req.outcome() == Outcome.NOT_NOTIFIED_DOCUMENTED) {
      if (kind != DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION) {
        throw new IllegalArgumentException(
            "only the DSGVO authority notification may be documented without notifying (Art. 33(1),"
                + " 33(5)); the "
                + kind.label()
                + " is always due");
      }
      if (req.reason() == null) {
        throw new IllegalArgumentException(
            "documenting a breach without notifying needs the reason why it is unlikely to result"
                + " in a risk (Art. 33(1), 33(5))");
      }
      if (earlier.stream().anyMatch(NotificationRecord::notified)) {
        throw new IllegalArgumentException(
            "the authority was already notified; a decision not to notify no longer applies");
      }
      return new NotificationRecord(req, 1, Timeliness.NOT_APPLICABLE, Duration.ZERO);
    }
    int phase = (int) earlier.stream().filter(NotificationRecord::notified).count() + 1;
    if (phase > 1) {
      // Art. 33(4): later phases follow "without undue further delay"; the deadline was judged on
      // the first, so they are neither on time nor late.
      return new NotificationRecord(req, phase, Timeliness.FOLLOW_UP, Duration.ZERO);
    }
    if (req.sentAt().isAfter(d.due())) {
      Duration late = Duration.between(d.due(), req.sentAt());
      if (req.reason() == null) {
        throw new IllegalArgumentException(
            "the "
                + kind.label()
                + " is "
                + human(late)
                + " late (due "
                + plan.render(d.due())
                + "); record the reasons for the delay"
                + (dsgvo ? " (GDPR Art. 33(1))" : ""));
      }
      return new NotificationRecord(req, 1, Timeliness.LATE, late);
    }
    return new NotificationRecord(req, 1, Timeliness.ON_TIME, Duration.ZERO);
  }
}
