package io.slamon.incident.hours;

import io.slamon.core.Severity;
import io.slamon.core.config.IncidentTargets;
import io.slamon.core.config.ResponseTarget;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When an incident must be acknowledged and restored under the tenant's contract: the target of its
 * severity, counted in calendar time or, where the contract marks the target so, in business hours
 * of its calendar. These are contractual service targets, not regulatory deadlines.
 *
 * @param businessHours whether the targets were counted in business hours
 */
public record ResponseDeadlines(Severity severity, Instant acknowledgeBy, Instant restoreBy, boolean businessHours) {

  public static ResponseDeadlines of(IncidentTargets targets, ZoneId zone, Severity severity, Instant openedAt) {
    ResponseTarget t = targets.of(severity);
    if (!t.businessHours()) {
      return new ResponseDeadlines(severity, openedAt.plus(t.acknowledge()), openedAt.plus(t.restore()), false);
    }
    BusinessCalendar calendar = new BusinessCalendar(targets.businessHours(), zone);
    return new ResponseDeadlines(severity, calendar.plus(openedAt, t.acknowledge()), calendar.plus(openedAt, t.restore()), true);
  }
}
