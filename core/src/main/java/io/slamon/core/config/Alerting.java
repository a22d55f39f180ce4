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
 */
public record Alerting(Duration resendInterval, Duration failureAlertAfter, List<AlertReceiver> receivers, List<AlertRoute> routes) {
  public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_FAILURE_ALERT_AFTER = Duration.ofMinutes(15);
  /** No receivers: nothing is delivered (escalations are still audited and printed). */
  public static final Alerting NONE = new Alerting(DEFAULT_RESEND_INTERVAL, DEFAULT_FAILURE_ALERT_AFTER, List.of(), List.of());

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
