package io.slamon.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The benchmark fleet ({@link ScaleFleet}): {@code targets} dcgm-exporter-like endpoints with
 * {@code seriesPerTarget} series each, whose values change once per {@code interval}.
 *
 * @param targets number of {@code /metrics} endpoints, 1..10 000
 * @param seriesPerTarget samples on each page, 1..1 000 000 (20 dcgm fields per simulated GPU)
 * @param interval how often values change; scrape at the same interval
 * @param seed seeds every value and label, so two runs serve the same pages
 * @param firstPort port of the first target, the others follow consecutively; 0: every target
 *     on an ephemeral port
 */
public record ScaleSpec(int targets, int seriesPerTarget, Duration interval, long seed, int firstPort) {
  public ScaleSpec {
    Objects.requireNonNull(interval, "interval");
    if (targets < 1 || targets > 10_000) {
      throw new IllegalArgumentException("targets must be 1..10000, got " + targets);
    }
    if (seriesPerTarget < 1 || seriesPerTarget > 1_000_000) {
      throw new IllegalArgumentException("seriesPerTarget must be 1..1000000, got " + seriesPerTarget);
    }
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms, got " + interval);
    }
    FleetSpec.requirePort(firstPort, "firstPort");
    if (firstPort != 0 && firstPort + targets - 1 > 65535) {
      throw new IllegalArgumentException(
          "ports " + firstPort + ".." + (firstPort + targets - 1) + " go beyond 65535");
    }
  }

  /** Ephemeral ports, seed 42. */
  public static ScaleSpec of(int targets, int seriesPerTarget, Duration interval) {
    return new ScaleSpec(targets, seriesPerTarget, interval, 42, 0);
  }

  /** Samples per second all targets together offer when scraped every interval. */
  public double samplesPerSecond() {
    return (double) targets * seriesPerTarget * 1000.0 / interval.toMillis();
  }
}
