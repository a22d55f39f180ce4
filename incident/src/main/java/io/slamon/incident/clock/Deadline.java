package io.slamon.incident.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One deadline of a plan. Either computed ({@code due} set) or waiting for the step it depends on
 * ({@code waitingFor} set, times null): e.g. the NIS2 final report runs from the notification.
 *
 * @param start when the period started (awareness, classification or the prior step)
 * @param due the strict deadline: what slamon escalates on
 * @param legalDue the reading of Regulation 1182/71 Art. 3, shown next to the strict one
 * @param basis how it was computed, e.g. "awareness + 72 h (rules de-2025-12)"
 * @param ruleVersion the rule set version in force at awareness
 */
public record Deadline(
    DeadlineKind kind,
    Instant start,
    Instant due,
    Instant legalDue,
    DeadlineKind waitingFor,
    String basis,
    String ruleVersion) {

  public Deadline {
    if (kind == null || basis == null || ruleVersion == null) {
      throw new IllegalArgumentException("a deadline needs a kind, a basis and a rule version");
    }
    if ((waitingFor == null) == (due == null)) {
      throw new IllegalArgumentException(
          kind + ": a deadline is either computed or waiting, not both");
    }
  }

  public static Deadline computed(
      DeadlineKind kind,
      Instant start,
      Instant due,
      Instant legalDue,
      String basis,
      String ruleVersion) {
    return new Deadline(kind, start, due, legalDue, null, basis, ruleVersion);
  }

  public static Deadline waiting(
      DeadlineKind kind, DeadlineKind waitingFor, String basis, String ruleVersion) {
    return new Deadline(kind, null, null, null, waitingFor, basis, ruleVersion);
  }

  public boolean isWaiting() {
    return waitingFor != null;
  }

  public ZonedDateTime dueIn(ZoneId zone) {
    return due == null ? null : due.atZone(zone);
  }

  public ZonedDateTime legalDueIn(ZoneId zone) {
    return legalDue == null ? null : legalDue.atZone(zone);
  }
}
