package io.slamon.core.config;

import java.util.List;
import java.util.Set;

/**
 * Sends matching alerts to receivers. An empty matcher list matches everything; a route with
 * {@code tenants} never matches provider-scope alerts (which have no tenant).
 *
 * @param tenants tenant ids
 * @param severities {@code page}, {@code ticket}
 * @param regimes regulatory regimes of escalations (dsgvo, nis2, dora, ai-act); a route with
 *     regimes matches only escalations of those regimes
 * @param receivers receiver names
 * @param quietHours when non-urgent deliveries wait, or {@code null}; never applies to pages nor
 *     to regulatory-clock escalations
 */
public record AlertRoute(List<String> tenants, List<String> severities, List<String> regimes, List<String> receivers, QuietHours quietHours) {
  public static final Set<String> SEVERITIES = Set.of("page", "ticket");
  public static final Set<String> REGIMES = Set.of("dsgvo", "nis2", "dora", "ai-act");

  public AlertRoute {
    tenants = List.copyOf(tenants);
    severities = List.copyOf(severities);
    regimes = List.copyOf(regimes);
    receivers = List.copyOf(receivers);
    if (receivers.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one receiver");
    }
  }
}
