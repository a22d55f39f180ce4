package io.slamon.core.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code alerting} section of {@code slamon.yaml}: where alerts, incidents and regulatory
 * escalations are delivered (receivers), which goes where (routes), and the outbox's timing.
 *
 * @param resendInterval how often active alerts are re-sent to Alertmanager; must be shorter than
 *     Alertmanager's {@code resolve_timeout} (5m by default) or active alerts expire there
 * @param failureAlertAfter a delivery still failing this long after it was queued raises a
 *     provider-scope alert
 * @param receivers named destinations
 * @param routes every route whose matchers all match contributes its receivers
 * @param dashboardUrl link template for the {@code dashboard_url} annotation, or {@code null};
 *     {@code {tenant}}, {@code {slo}}, {@code {alertname}}, {@code {incident_id}} are replaced
 * @param runbookUrl link template for the {@code runbook_url} annotation, or {@code null}
 */
public record Alerting(Duration resendInterval, Duration failureAlertAfter, List<AlertReceiver> receivers, List<AlertRoute> routes,
    String dashboardUrl, String runbookUrl) {
  /** Placeholders a link template may use. */
  public static final List<String> LINK_PLACEHOLDERS = List.of("tenant", "slo", "alertname", "incident_id");
  public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_FAILURE_ALERT_AFTER = Duration.ofMinutes(15);
  /** No receivers: nothing is delivered (escalations are still audited and printed). */
  public static final Alerting NONE = new Alerting(DEFAULT_RESEND_INTERVAL, DEFAULT_FAILURE_ALERT_AFTER, List.of(), List.of());

  /** Without link templates. */
  public Alerting(Duration resendInterval, Duration failureAlertAfter, List<AlertReceiver> receivers, List<AlertRoute> routes) {
    this(resendInterval, failureAlertAfter, receivers, routes, null, null);
  }

  public Alerting {
    Objects.requireNonNull(resendInterval, "resendInterval");
    Objects.requireNonNull(failureAlertAfter, "failureAlertAfter");
    receivers = List.copyOf(receivers);
    routes = List.copyOf(routes);
    var names = new HashSet<String>();
    for (AlertReceiver r : receivers) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate receiver name '" + r.name() + "'");
      }
    }
    for (AlertRoute route : routes) {
      for (String name : route.receivers()) {
        if (!names.contains(name)) {
          throw new IllegalArgumentException("route names unknown receiver '" + name + "'");
        }
      }
    }
  }

  public Optional<AlertReceiver> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
