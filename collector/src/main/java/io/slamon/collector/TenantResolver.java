package io.slamon.collector;

import java.util.Map;
import java.util.Optional;

/**
 * Decides which tenant owns a series. The collector calls it for every scraped series (with
 * target labels already applied) and for the synthetic {@code up}/{@code scrape_*} series.
 * An empty result puts the series into the provider scope ({@code tenant = null}): series that
 * match no rule never belong to a tenant.
 */
@FunctionalInterface
public interface TenantResolver {
  /**
   * @param target the scrape target's URL as a string
   * @param labels the series labels, including {@code job} and {@code instance}
   */
  Optional<String> tenantFor(String target, Map<String, String> labels);

  /** Everything in the provider scope. */
  static TenantResolver providerOnly() {
    return (target, labels) -> Optional.empty();
  }

  /** The tenant is the value of {@code label} when present and non-empty. */
  static TenantResolver byLabel(String label) {
    return (target, labels) -> Optional.ofNullable(labels.get(label)).filter(v -> !v.isEmpty());
  }
}
