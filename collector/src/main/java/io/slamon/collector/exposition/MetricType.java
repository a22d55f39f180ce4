package io.slamon.collector.exposition;

import java.util.Locale;
import java.util.Optional;

/** Metric family types of Prometheus text 0.0.4 plus the OpenMetrics ones we tolerate. */
public enum MetricType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  SUMMARY,
  UNTYPED,
  // OpenMetrics names; accepted so an OpenMetrics page does not fail line by line.
  UNKNOWN,
  INFO,
  STATESET,
  GAUGEHISTOGRAM;

  static Optional<MetricType> parse(String text) {
    for (MetricType t : values()) {
      if (t.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
