package io.slamon.core.config;

import io.slamon.core.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Acknowledge and restore targets per severity; every severity has one. */
public record IncidentTargets(Map<Severity, ResponseTarget> targets) {
  public static final IncidentTargets DEFAULT =
      new IncidentTargets(
          Map.of(
              Severity.P1, new ResponseTarget(Duration.ofMinutes(15), Duration.ofHours(4)),
              Severity.P2, new ResponseTarget(Duration.ofHours(1), Duration.ofHours(8)),
              Severity.P3, new ResponseTarget(Duration.ofHours(4), Duration.ofDays(2)),
              Severity.P4, new ResponseTarget(Duration.ofDays(1), Duration.ofDays(5))));

  public IncidentTargets {
    EnumMap<Severity, ResponseTarget> copy = new EnumMap<>(Severity.class);
    copy.putAll(targets);
    for (Severity s : Severity.values()) {
      if (!copy.containsKey(s)) {
        throw new IllegalArgumentException("no response target for " + s);
      }
    }
    targets = Map.copyOf(copy);
  }

  public ResponseTarget of(Severity severity) {
    return targets.get(severity);
  }
}
