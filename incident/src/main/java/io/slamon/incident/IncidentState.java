package io.slamon.incident;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an incident stands. The normal path is open → acknowledged → mitigated → resolved →
 * closed; steps may be skipped forward (a fix found before anyone acknowledged), never taken back
 * except that a resolved incident may be reopened while it is not closed. Cancelled (opened in
 * error) keeps the record and ends it like closed.
 */
public enum IncidentState {
  OPEN,
  ACKNOWLEDGED,
  MITIGATED,
  RESOLVED,
  CLOSED,
  CANCELLED;

  /** The stored form, e.g. {@code acknowledged}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IncidentState fromWireName(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown incident state '" + name + "'; valid: open, acknowledged, mitigated, resolved, closed, cancelled", e);
    }
  }

  /** Whether the incident still counts as live (can absorb repeats of its signal). */
  public boolean live() {
    return this == OPEN || this == ACKNOWLEDGED || this == MITIGATED;
  }

  /** The states this one may move to. */
  public Set<IncidentState> next() {
    return switch (this) {
      case OPEN -> EnumSet.of(ACKNOWLEDGED, MITIGATED, RESOLVED, CANCELLED);
      case ACKNOWLEDGED -> EnumSet.of(MITIGATED, RESOLVED, CANCELLED);
      case MITIGATED -> EnumSet.of(RESOLVED, CANCELLED);
      case RESOLVED -> EnumSet.of(CLOSED, OPEN);
      case CLOSED, CANCELLED -> EnumSet.noneOf(IncidentState.class);
    };
  }

  /** Throws with a message an operator can act on when {@code to} is not a next state. */
  public void checkTransition(String incidentId, IncidentState to) {
    if (!next().contains(to)) {
      String allowed = next().isEmpty() ? "it is " + wireName() + " for good"
          : "from " + wireName() + " it can become " + next().stream().map(IncidentState::wireName).sorted().toList();
      throw new IllegalStateException("cannot make " + incidentId + " " + to.wireName() + ": " + allowed);
    }
  }
}
