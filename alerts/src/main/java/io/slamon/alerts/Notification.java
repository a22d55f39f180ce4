package io.slamon.alerts;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a webhook tells a receiver: one alert, incident or escalation event, independent of the
 * payload shape (slamon JSON, Slack, Teams) it is rendered into by {@link WebhookPayloads}.
 *
 * @param eventId idempotency key; the same on every retry so receivers can deduplicate
 * @param kind alert, incident or escalation
 * @param status firing or resolved
 * @param title one line for humans (the alert summary, the incident title, "DSGVO notification due in 6 h")
 * @param labels identity labels (tenant, slo, severity, component …), kept sorted so the same event
 *     always renders the same bytes
 * @param annotations free text (description …), kept sorted
 * @param startsAt when the condition began
 * @param endsAt when it ended: required when resolved, absent while firing
 * @param incidentId the incident this belongs to, or {@code null}
 * @param regime the regulatory regime (dsgvo, nis2, dora, ai-act) of an escalation, or {@code null}
 * @param dashboardUrl link to the dashboard, or {@code null}
 * @param runbookUrl link to the runbook, or {@code null}
 */
public record Notification(
    String eventId,
    Kind kind,
    Status status,
    String title,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String incidentId,
    String regime,
    URI dashboardUrl,
    URI runbookUrl) {

  /** What the event is about. */
  public enum Kind {
    ALERT,
    INCIDENT,
    ESCALATION;

    /** The lower-case name used in payloads. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether the condition holds; the wire names are Alertmanager's. */
  public enum Status {
    FIRING,
    RESOLVED;

    /** The lower-case name used in payloads ({@code firing}, {@code resolved}). */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Notification {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("a notification needs an event id: receivers deduplicate retries by it");
    }
    if (!eventId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // It travels in the X-Slamon-Event-Id header, where control characters and non-ASCII are not allowed.
      throw new IllegalArgumentException("event id '" + eventId + "' must be printable ASCII without spaces (it is sent as an HTTP header)");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("notification " + eventId + " needs a title");
    }
    Objects.requireNonNull(startsAt, "startsAt");
    labels = sortedCopy(labels, "label", eventId);
    annotations = sortedCopy(annotations, "annotation", eventId);
    if (status == Status.RESOLVED && endsAt == null) {
      throw new IllegalArgumentException("notification " + eventId + " is resolved but has no endsAt");
    }
    if (status == Status.FIRING && endsAt != null) {
      throw new IllegalArgumentException("notification " + eventId + " is firing but has endsAt " + endsAt + ": only resolved notifications end");
    }
    if (endsAt != null && endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException("notification " + eventId + " ends (" + endsAt + ") before it starts (" + startsAt + ")");
    }
  }

  private static Map<String, String> sortedCopy(Map<String, String> in, String what, String eventId) {
    var sorted = new TreeMap<String, String>();
    if (in != null) {
      in.forEach((k, v) -> {
        if (k == null || k.isEmpty() || v == null) {
          throw new IllegalArgumentException("notification " + eventId + " has an empty " + what + " name or a missing value: " + k + "=" + v);
        }
        sorted.put(k, v);
      });
    }
    return Collections.unmodifiableMap(sorted);
  }

  /** The label {@code name}, or {@code null}. */
  public String label(String name) {
    return labels.get(name);
  }
}
