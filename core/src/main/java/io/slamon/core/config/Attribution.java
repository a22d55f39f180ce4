package io.slamon.core.config;

import java.util.List;
import java.util.Map;

/**
 * How series and targets are mapped to a tenant (see {@link TenantAttribution} for the order).
 *
 * @param namespaces Kubernetes namespaces (label {@code namespace} or {@code exported_namespace})
 * @param podPrefixes pod name prefixes (label {@code pod} or {@code exported_pod})
 * @param models served model names (label {@code model_name} or {@code model})
 * @param targets scrape targets {@code host:port}
 */
public record Attribution(
    List<String> namespaces, List<String> podPrefixes, List<String> models, List<String> targets) {
  public static final Attribution NONE = new Attribution(List.of(), List.of(), List.of(), List.of());

  public Attribution {
    namespaces = List.copyOf(namespaces);
    podPrefixes = List.copyOf(podPrefixes);
    models = List.copyOf(models);
    targets = List.copyOf(targets);
  }

  static String first(Map<String, String> labels, String... names) {
    for (String n : names) {
      String v = labels.get(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
