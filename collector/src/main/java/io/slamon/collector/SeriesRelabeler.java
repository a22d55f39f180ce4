package io.slamon.collector;

import java.util.Map;
import java.util.Optional;

/**
 * Per-series rewriting after a scrape (Prometheus {@code metric_relabel_configs}): sees the series'
 * labels with its name under {@code __name__} and the target labels already merged, returns the
 * rewritten set or empty to drop the series. Runs before tenant attribution, so a rule may set or
 * normalise the labels attribution reads.
 */
@FunctionalInterface
public interface SeriesRelabeler {
  Optional<Map<String, String>> relabel(ScrapeTarget target, Map<String, String> labelsWithName);

  /** Keeps every series unchanged (the scraper skips the rewrite entirely for this instance). */
  SeriesRelabeler NONE = (target, labels) -> Optional.of(labels);

  static SeriesRelabeler none() {
    return NONE;
  }
}
