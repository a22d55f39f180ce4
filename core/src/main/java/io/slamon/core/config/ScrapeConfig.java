package io.slamon.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One Prometheus-style scrape job with defaults from the file's {@code global} section applied.
 */
public record ScrapeConfig(
    String jobName,
    Duration scrapeInterval,
    Duration scrapeTimeout,
    String metricsPath,
    String scheme,
    boolean honorLabels,
    List<StaticConfig> staticConfigs,
    List<FileSdConfig> fileSdConfigs,
    List<RelabelConfig> relabelConfigs,
    List<RelabelConfig> metricRelabelConfigs,
    String file) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public ScrapeConfig {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(scrapeInterval, "scrapeInterval");
    Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
    Objects.requireNonNull(metricsPath, "metricsPath");
    Objects.requireNonNull(scheme, "scheme");
    staticConfigs = List.copyOf(staticConfigs);
    fileSdConfigs = List.copyOf(fileSdConfigs);
    relabelConfigs = List.copyOf(relabelConfigs);
    metricRelabelConfigs = List.copyOf(metricRelabelConfigs);
    if (scrapeTimeout.compareTo(scrapeInterval) > 0) {
      throw new IllegalArgumentException(
          "scrape_timeout must not be greater than scrape_interval");
    }
  }
}
