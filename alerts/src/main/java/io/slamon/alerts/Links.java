package io.slamon.alerts;

import io.slamon.core.config.Alerting;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fills the {@code dashboard_url} and {@code runbook_url} of alerts from the configured templates
 * ({@code {tenant}}, {@code {slo}}, {@code {alertname}}, {@code {incident_id}}, URL-encoded; a
 * placeholder without a value becomes empty). Links an alert already has are kept.
 */
final class Links {
  private final String dashboard;
  private final String runbook;

  Links(Alerting config) {
    this.dashboard = config.dashboardUrl();
    this.runbook = config.runbookUrl();
  }

  AlertSpec apply(AlertSpec s) {
    return new AlertSpec(s.title(), s.labels(), s.annotations(),
        s.dashboardUrl() != null ? s.dashboardUrl() : fill(dashboard, s.labels()),
        s.runbookUrl() != null ? s.runbookUrl() : fill(runbook, s.labels()), s.incidentId());
  }

  Notification apply(Notification n) {
    URI d = n.dashboardUrl() != null ? n.dashboardUrl() : fill(dashboard, n.labels());
    URI r = n.runbookUrl() != null ? n.runbookUrl() : fill(runbook, n.labels());
    return new Notification(n.eventId(), n.kind(), n.status(), n.title(), n.labels(), n.annotations(), n.startsAt(), n.endsAt(),
        n.incidentId(), n.regime(), d, r);
  }

  static URI fill(String template, Map<String, String> labels) {
    if (template == null) {
      return null;
    }
    String out = template;
    for (String p : Alerting.LINK_PLACEHOLDERS) {
      out = out.replace("{" + p + "}", URLEncoder.encode(labels.getOrDefault(p, ""), StandardCharsets.UTF_8));
    }
    return URI.create(out);
  }
}
