package io.slamon.slo;

/** How urgently a firing burn-rate condition needs a human (SRE Workbook ch. 5). */
public enum AlertSeverity {
  /** Wake someone up: the budget burns fast enough to be gone in days. */
  PAGE,
  /** Open a ticket: a slow burn that still spends the budget before the period ends. */
  TICKET
}
