package io.slamon.incident;

import io.slamon.core.Severity;

/**
 * Which severity a signal opens at. A tenant-facing outage (endpoint down, GPU lost, fast budget
 * burn) is urgent; a missed SLO over its window is serious but already past; a single XID error is
 * a warning sign that may not have hurt anyone yet.
 */
public final class SeverityPolicy {
  private SeverityPolicy() {}

  public static Severity severityFor(Signal signal) {
    return switch (signal.kind()) {
      case TARGET_DOWN -> signal.tenant() == null ? Severity.P2 : Severity.P1;
      case FAST_BURN, GPU_LOST -> Severity.P2;
      case SLO_BREACH -> Severity.P2;
      case GPU_XID -> Severity.P3;
      // nothing is known to be broken yet, but nothing would be noticed either: someone should look
      // within hours, not be woken up
      case NO_DATA -> Severity.P3;
      // both are contract breaches already happening: data since the last backup is at risk, a
      // known vulnerability stays open past the agreed deadline
      case RPO_MISSED, PATCH_OVERDUE -> Severity.P2;
    };
  }

  /** A short title for the incident list. */
  public static String titleFor(Signal signal) {
    String who = signal.tenant() == null ? "provider" : signal.tenant();
    return switch (signal.kind()) {
      case SLO_BREACH -> "SLO " + signal.subject() + " breached (" + who + ")";
      case FAST_BURN -> "Error budget of " + signal.subject() + " burning fast (" + who + ")";
      case GPU_XID -> "GPU XID error on " + signal.subject() + " (" + who + ")";
      case GPU_LOST -> "GPU " + signal.subject() + " lost (" + who + ")";
      case TARGET_DOWN -> "Target " + signal.subject() + " down (" + who + ")";
      case RPO_MISSED -> "RPO of " + signal.subject() + " missed (" + who + ")";
      case NO_DATA -> "No data for SLO " + signal.subject() + " (" + who + ")";
      case PATCH_OVERDUE -> "Patch for " + signal.subject() + " on " + signal.component() + " overdue (" + who + ")";
    };
  }
}
