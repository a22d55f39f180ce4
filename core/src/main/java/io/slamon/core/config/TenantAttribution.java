package io.slamon.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers "which tenant owns this series?" from all tenants' {@link Attribution} rules. Checked in
 * this order, first match wins:
 *
 * <ol>
 *   <li>a {@code tenant} label naming an existing tenant (set statically or by relabeling);
 *   <li>the scrape target ({@code host:port}) listed in a tenant's {@code attribution.targets};
 *   <li>the Kubernetes namespace (label {@code namespace}, else {@code exported_namespace});
 *   <li>the pod name (label {@code pod}, else {@code exported_pod}) by the longest matching prefix;
 *   <li>the model name (label {@code model_name}, else {@code model}).
 * </ol>
 *
 * Anything else is provider scope: {@link Optional#empty()}. Validation guarantees that no two
 * tenants claim the same target, namespace, pod prefix or model, so the answer never depends on
 * file order. Immutable and thread-safe.
 */
public final class TenantAttribution {
  private final Set<String> tenantIds;
  private final Map<String, String> byTarget = new HashMap<>();
  private final Map<String, String> byNamespace = new HashMap<>();
  private final Map<String, String> byPodPrefix = new HashMap<>();
  private final Map<String, String> byModel = new HashMap<>();

  private TenantAttribution(List<Tenant> tenants) {
    tenantIds = tenants.stream().map(Tenant::id).collect(Collectors.toUnmodifiableSet());
    for (Tenant t : tenants) {
      Attribution a = t.attribution();
      a.targets().forEach(v -> byTarget.putIfAbsent(v, t.id()));
      a.namespaces().forEach(v -> byNamespace.putIfAbsent(v, t.id()));
      a.podPrefixes().forEach(v -> byPodPrefix.putIfAbsent(v, t.id()));
      a.models().forEach(v -> byModel.putIfAbsent(v, t.id()));
    }
  }

  public static TenantAttribution of(List<Tenant> tenants) {
    return new TenantAttribution(tenants);
  }

  /**
   * The tenant owning a series scraped from {@code target} (may be null for pushed data) with
   * {@code labels} (target and series labels merged), or empty for provider scope.
   */
  public Optional<String> tenantFor(String target, Map<String, String> labels) {
    String label = labels.get("tenant");
    if (label != null && tenantIds.contains(label)) {
      return Optional.of(label);
    }
    return ruleFor(target, labels);
  }

  /** The tenant whose rules (targets, namespaces, pod prefixes, models) match. */
  Optional<String> ruleFor(String target, Map<String, String> labels) {
    if (target != null && byTarget.containsKey(target)) {
      return Optional.of(byTarget.get(target));
    }
    String ns = Attribution.first(labels, "namespace", "exported_namespace");
    if (ns != null && byNamespace.containsKey(ns)) {
      return Optional.of(byNamespace.get(ns));
    }
    String pod = Attribution.first(labels, "pod", "exported_pod");
    if (pod != null) {
      String best = null;
      for (String prefix : byPodPrefix.keySet()) {
        if (pod.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
          best = prefix;
        }
      }
      if (best != null) {
        return Optional.of(byPodPrefix.get(best));
      }
    }
    String model = Attribution.first(labels, "model_name", "model");
    if (model != null && byModel.containsKey(model)) {
      return Optional.of(byModel.get(model));
    }
    return Optional.empty();
  }
}
