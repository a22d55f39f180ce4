package io.slamon.alerts;

import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.Regime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Regulatory-clock escalation steps as notifications. The event id {@code escalation:<incident>:<step>}
 * is the idempotency key: one step of one incident is one event, however often it is handed over.
 */
public final class EscalationNotifications {
  private EscalationNotifications() {}

  /** The idempotency key of a step. */
  public static String eventId(String incidentId, String stepId) {
    return "escalation:" + incidentId + ":" + stepId;
  }

  /** The {@code regime} label: dsgvo (both roles), nis2, dora, ai-act. */
  public static String regimeLabel(Regime regime) {
    return switch (regime) {
      case DSGVO_PROCESSOR, DSGVO_CONTROLLER -> "dsgvo";
      case NIS2 -> "nis2";
      case DORA -> "dora";
      case AI_ACT -> "ai-act";
    };
  }

  /**
   * The notification of step {@code stepId} ({@code REGIME/deadline/percent}) of an incident.
   *
   * @param lateBy how late it fired, or {@code null} when not known (a step handed over after a crash)
   */
  public static Notification of(String incidentId, String tenant, String stepId, Instant firedAt, boolean late, Duration lateBy) {
    String[] parts = stepId.split("/");
    String key = parts.length == 3 ? parts[0] + "/" + parts[1] : stepId;
    DeadlineKind kind = Arrays.stream(DeadlineKind.values()).filter(k -> k.key().equals(key)).findFirst().orElse(null);
    String percent = parts.length == 3 ? parts[2] : "?";
    String what = kind == null ? stepId : kind.label();
    String title = "100".equals(percent)
        ? what + " is due now (incident " + incidentId + ")"
        : what + ": " + percent + " % of the time used (incident " + incidentId + ")";
    Map<String, String> labels = new HashMap<>(Map.of("alertname", "RegulatoryDeadline", "component", "incident",
        "incident_id", incidentId, "step", stepId,
        // The last steps page; earlier ones are tickets. Neither waits for quiet hours (Router).
        "severity", late || "90".equals(percent) || "100".equals(percent) ? "page" : "ticket"));
    String regime = null;
    if (kind != null) {
      regime = regimeLabel(kind.regime());
      labels.put("regime", regime);
    }
    if (tenant != null) {
      labels.put("tenant", tenant);
    }
    String description = "Escalation step " + stepId + " of incident " + incidentId
        + (tenant == null ? " (provider)" : " of tenant " + tenant) + " fired at " + firedAt
        + (late ? ", LATE" + (lateBy == null ? "" : " by " + lateBy) + ": slamon was not running when it was due" : "") + ".";
    return new Notification(eventId(incidentId, stepId), Notification.Kind.ESCALATION, Notification.Status.FIRING, title,
        labels, Map.of("description", description, "late", Boolean.toString(late)), firedAt, null, incidentId,
        regime == null ? null : regime.toLowerCase(Locale.ROOT), null, null);
  }

  /**
   * The resolution of a step's notification {@code firing}: the same labels (so Alertmanager resolves
   * that alert), {@code endsAt} {@code at}, event id {@code <firing id>:resolved}.
   */
  public static Notification resolved(Notification firing, Instant at, String because) {
    Instant ends = at.isBefore(firing.startsAt()) ? firing.startsAt() : at;
    return new Notification(firing.eventId() + ":resolved", Notification.Kind.ESCALATION, Notification.Status.RESOLVED,
        "Resolved: " + firing.title(), firing.labels(),
        Map.of("description", "Escalation step " + firing.label("step") + " no longer applies: " + because + ".",
            "late", firing.annotations().getOrDefault("late", "false")),
        firing.startsAt(), ends, firing.incidentId(), firing.regime(), firing.dashboardUrl(), firing.runbookUrl());
  }
}
