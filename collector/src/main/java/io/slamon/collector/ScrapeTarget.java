package io.slamon.collector;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One endpoint to scrape, as a Prometheus {@code scrape_configs} static target.
 *
 * @param job the {@code job} label value
 * @param url the full {@code /metrics} URL (http or https)
 * @param interval time between scrapes
 * @param timeout per-scrape timeout, at most {@code interval}
 * @param targetLabels static labels added to every series of this target
 * @param honorLabels on a clash between a scraped label and a target label: {@code true} keeps
 *     the scraped value, {@code false} renames it to {@code exported_<name>} (Prometheus semantics)
 */
public record ScrapeTarget(
    String job, URI url, Duration interval, Duration timeout, Map<String, String> targetLabels, boolean honorLabels) {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public ScrapeTarget {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (job.isBlank()) {
      throw new IllegalArgumentException("job must not be blank");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("scrape target url must be http or https, got: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("scrape target url has no host: " + url);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval + " for " + url);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "timeout must be positive and at most the interval (" + interval + "), got " + timeout + " for " + url);
    }
    targetLabels = Map.copyOf(targetLabels);
    for (String name : targetLabels.keySet()) {
      if (!LABEL_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid target label name '" + name + "' for " + url);
      }
    }
  }

  /** A target with default 15 s interval, 10 s timeout, no static labels. */
  public static ScrapeTarget of(String job, URI url) {
    return new ScrapeTarget(job, url, Duration.ofSeconds(15), Duration.ofSeconds(10), Map.of(), false);
  }

  /** The {@code instance} label: {@code host:port} of the URL, as Prometheus sets it. */
  public String instance() {
    int port = url.getPort();
    if (port < 0) {
      port = "https".equals(url.getScheme()) ? 443 : 80;
    }
    return url.getHost() + ":" + port;
  }
}
