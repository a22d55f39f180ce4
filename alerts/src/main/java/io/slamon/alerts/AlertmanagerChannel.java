package io.slamon.alerts;

import io.slamon.core.config.AlertReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers to every Alertmanager of a receiver (an HA pair gets every alert, as Prometheus does).
 * Re-posting an alert is harmless to Alertmanager, so a partial failure retries all of them.
 */
public final class AlertmanagerChannel implements Channel {
  private final List<AlertmanagerClient> clients;
  private final InstantSource clock;

  public AlertmanagerChannel(AlertReceiver receiver, Duration timeout, InstantSource clock) {
    this.clients = receiver.urls().stream().map(u -> new AlertmanagerClient(u, timeout)).toList();
    this.clock = clock;
  }

  /** The notification as Alertmanager takes it: title as summary, links as annotations. */
  public static AlertmanagerAlert toAlert(Notification n) {
    Map<String, String> annotations = new HashMap<>(n.annotations());
    annotations.putIfAbsent("summary", n.title());
    if (n.runbookUrl() != null) {
      annotations.putIfAbsent("runbook_url", n.runbookUrl().toString());
    }
    if (n.dashboardUrl() != null) {
      annotations.putIfAbsent("dashboard_url", n.dashboardUrl().toString());
    }
    return new AlertmanagerAlert(new AlertLabels(n.labels()), annotations, n.startsAt(), n.endsAt(), n.dashboardUrl());
  }

  /** Posts the alerts to every Alertmanager; throws on the first failure. */
  public void post(List<AlertmanagerAlert> alerts) {
    for (AlertmanagerClient c : clients) {
      c.post(alerts);
    }
  }

  @Override
  public Attempt deliver(Notification n) {
    Instant start = clock.instant();
    try {
      post(List.of(toAlert(n)));
      return new Attempt(start, took(start), 200, null, false, null);
    } catch (AlertmanagerClient.DeliveryException e) {
      // 4xx: Alertmanager refuses this alert and would refuse it again; anything else may pass later.
      boolean retryable = e.status() == 0 || e.status() / 100 != 4;
      return new Attempt(start, took(start), e.status() == 0 ? null : e.status(), e.getMessage(), retryable, null);
    }
  }

  private Duration took(Instant start) {
    Duration d = Duration.between(start, clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }
}
