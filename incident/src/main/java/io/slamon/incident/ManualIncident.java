package io.slamon.incident;

import io.slamon.core.Severity;

/**
 * An incident opened by hand (CLI, API): someone saw something no signal caught, e.g. a customer's
 * report of a leaked prompt log. Never deduplicated against signals: each is its own incident.
 *
 * @param tenant affected tenant, or {@code null} for the provider scope
 * @param title what happened, one line
 * @param severity P1–P4
 * @param component affected component (default {@code manual})
 * @param detail why it was opened; the first timeline entry carries it
 */
public record ManualIncident(String tenant, String title, Severity severity, String component, String detail) {
  public ManualIncident {
    if (tenant != null && tenant.isBlank()) {
      throw new IllegalArgumentException("the tenant id is blank; omit it for a provider incident");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("an incident needs a title (what happened, one line)");
    }
    if (severity == null) {
      throw new IllegalArgumentException("an incident needs a severity: P1, P2, P3 or P4");
    }
    component = component == null || component.isBlank() ? "manual" : component;
    detail = detail == null || detail.isBlank() ? null : detail;
  }
}
