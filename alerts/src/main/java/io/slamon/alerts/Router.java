package io.slamon.alerts;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides which receivers get a notification and when. Every route whose matchers all match adds its
 * receivers (a receiver named by several matching routes gets the notification once). Quiet hours of
 * a route delay its deliveries to their end in the tenant's time zone, except for urgent ones: pages
 * and regulatory-clock escalations are never delayed, because a statutory deadline does not wait for
 * the morning.
 */
public final class Router {
  /** One receiver to deliver to, not before {@code notBefore}. */
  public record Delivery(AlertReceiver receiver, Instant notBefore) {}

  private final Alerting alerting;
  private final Function<String, ZoneId> tenantZone;

  /**
   * @param tenantZone the time zone of a tenant id ({@code null} for provider-scope alerts), for
   *     quiet hours
   */
  public Router(Alerting alerting, Function<String, ZoneId> tenantZone) {
    this.alerting = Objects.requireNonNull(alerting, "alerting");
    this.tenantZone = Objects.requireNonNull(tenantZone, "tenantZone");
  }

  /** Pages and regulatory escalations: never held back by quiet hours. */
  public static boolean urgent(Notification n) {
    return n.kind() == Notification.Kind.ESCALATION || "page".equals(n.label("severity"));
  }

  /** The receivers of {@code n} decided at {@code now}, in configuration order. */
  public List<Delivery> route(Notification n, Instant now) {
    Map<String, Delivery> out = new LinkedHashMap<>();
    String tenant = n.label("tenant");
    for (AlertRoute route : alerting.routes()) {
      if (!matches(route, n, tenant)) {
        continue;
      }
      Instant notBefore = now;
      if (route.quietHours() != null && !urgent(n)) {
        notBefore = route.quietHours().endAfter(now, tenantZone.apply(tenant));
      }
      for (String name : route.receivers()) {
        Instant at = notBefore;
        // The earliest wins when two routes name the same receiver: one of them allows it now.
        out.merge(name, new Delivery(alerting.receiver(name).orElseThrow(), at),
            (a, b) -> a.notBefore().isAfter(b.notBefore()) ? b : a);
      }
    }
    return new ArrayList<>(out.values());
  }

  private static boolean matches(AlertRoute route, Notification n, String tenant) {
    if (!route.tenants().isEmpty() && (tenant == null || !route.tenants().contains(tenant))) {
      return false;
    }
    if (!route.severities().isEmpty() && !route.severities().contains(n.label("severity"))) {
      return false;
    }
    return route.regimes().isEmpty() || (n.regime() != null && route.regimes().contains(n.regime()));
  }
}
