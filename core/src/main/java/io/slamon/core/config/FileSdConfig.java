package io.slamon.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * File-based discovery as in Prometheus: JSON or YAML files listing {@code [{targets, labels}]}.
 *
 * @param files glob patterns as written (a {@code *} only in the last path element); relative
 *     patterns are relative to the config directory ({@link SlamonConfig#configDir()})
 */
public record FileSdConfig(List<String> files, Duration refreshInterval) {
  public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);

  public FileSdConfig {
    files = List.copyOf(files);
    Objects.requireNonNull(refreshInterval, "refreshInterval");
  }
}
