package io.slamon.core.openslo;

import io.slamon.core.config.ConfigEnum;

/**
 * The infrastructure components whose availability a contract may state ({@code kind:
 * component-availability}), each with the series that shows it by default. The defaults follow
 * the usual scrape-job names (kube-prometheus' {@code apiserver}, NVIDIA's {@code dcgm-exporter})
 * and a {@code component} label on blackbox-exporter probes; an SLO overrides them with {@code
 * selector}. Every selected series must be a 0/1 health series ({@code up}, {@code probe_success}).
 */
public enum Component implements ConfigEnum {
  /** The GPU nodes: the scrape of each node's dcgm-exporter succeeds. */
  GPU_NODES("gpu-nodes", "up{job=\"dcgm-exporter\"}"),
  /** The Kubernetes control plane: the scrape of the API servers succeeds. */
  CONTROL_PLANE("control-plane", "up{job=\"apiserver\"}"),
  /** Object storage (S3 endpoint): the blackbox probe labelled {@code component="object-storage"} succeeds. */
  OBJECT_STORAGE("object-storage", "probe_success{component=\"object-storage\"}"),
  /** The network (ingress, uplinks): the blackbox probes labelled {@code component="network"} succeed. */
  NETWORK("network", "probe_success{component=\"network\"}");

  private final String configName;
  private final SeriesSelector defaultSelector;

  Component(String configName, String defaultSelector) {
    this.configName = configName;
    this.defaultSelector = SeriesSelector.parse(defaultSelector);
  }

  @Override
  public String configName() {
    return configName;
  }

  /** The series read when the SLO gives no {@code selector}. */
  public SeriesSelector defaultSelector() {
    return defaultSelector;
  }

  /** The component spelled {@code name} in YAML, or null. */
  public static Component of(String name) {
    for (Component c : values()) {
      if (c.configName.equals(name == null ? null : name.strip())) {
        return c;
      }
    }
    return null;
  }

  /** The YAML names, for messages. */
  public static String names() {
    return String.join(", ", java.util.Arrays.stream(values()).map(Component::configName).toList());
  }
}
