package io.slamon.core.config;

import io.slamon.core.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Acknowledge and restore targets per severity; every severity has one.
 *
 * @param businessHours the calendar for targets marked {@code businessHours}; {@code null} when the
 *     contract has none (then no target may be marked)
 */
public record IncidentTargets(Map<Severity, ResponseTarget> targets, BusinessHours businessHours) {
  public static final IncidentTargets DEFAULT =
      new IncidentTargets(
          Map.of(
              Severity.P1, new ResponseTarget(Duration.ofMinutes(15), Duration.ofHours(4)),
              Severity.P2, new ResponseTarget(Duration.ofHours(1), Duration.ofHours(8)),
              Severity.P3, new ResponseTarget(Duration.ofHours(4), Duration.ofDays(2)),
              Severity.P4, new ResponseTarget(Duration.ofDays(1), Duration.ofDays(5))));

  /** Targets without a business-hours calendar. */
  public IncidentTargets(Map<Severity, ResponseTarget> targets) {
    this(targets, null);
  }

  public IncidentTargets {
    EnumMap<Severity, ResponseTarget> copy = new EnumMap<>(Severity.class);
    copy.putAll(targets);
    for (Severity s : Severity.values()) {
      if (!copy.containsKey(s)) {
        throw new IllegalArgumentException("no response target for " + s);
      }
    }
    targets = Map.copyOf(copy);
    if (businessHours == null) {
      for (var e : targets.entrySet()) {
        if (e.getValue().businessHours()) {
          throw new IllegalArgumentException(e.getKey() + " counts business hours, but the contract defines no businessHours calendar");
        }
      }
    }
  }

  public ResponseTarget of(Severity severity) {
    return targets.get(severity);
  }
}
