package io.slamon.core.config;

import java.util.List;
import java.util.Map;

/** Fixed targets ({@code host:port}) with labels added to every series scraped from them. */
public record StaticConfig(List<String> targets, Map<String, String> labels) {
  public StaticConfig {
    targets = List.copyOf(targets);
    labels = Map.copyOf(labels);
  }
}
