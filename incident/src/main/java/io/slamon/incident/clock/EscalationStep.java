package io.slamon.incident.clock;

import java.time.Instant;

/**
 * One escalation before a deadline.
 *
 * @param id stable across recomputations and restarts, {@code REGIME/deadline/percent}, e.g. {@code
 *     NIS2/early-warning/75}; a persistent scheduler keeps the ids it fired per incident
 */
public record EscalationStep(String id, DeadlineKind deadline, int percent, Instant at) {
  public static String idOf(DeadlineKind deadline, int percent) {
    return deadline.key() + "/" + percent;
  }
}
