package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code collector.limits}: how many distinct series one scrape target (or OTLP source) and one
 * tenant may have; beyond that new series are refused and counted, existing ones keep flowing.
 *
 * @param maxSeriesPerTarget distinct series of one scrape target or OTLP source (default 50 000; a
 *     dcgm page of 8 GPUs has about 500)
 * @param maxSeriesPerTenant distinct series of one tenant over all its targets (default 200 000);
 *     the provider scope is bounded by the per-target limit only
 * @param seriesIdleTimeout a series not seen for this long no longer counts (default 1 h)
 */
public record CardinalityLimits(int maxSeriesPerTarget, int maxSeriesPerTenant, Duration seriesIdleTimeout) {
  public static final CardinalityLimits DEFAULT = new CardinalityLimits(50_000, 200_000, Duration.ofHours(1));

  public CardinalityLimits {
    Objects.requireNonNull(seriesIdleTimeout, "seriesIdleTimeout");
    if (maxSeriesPerTarget < 1 || maxSeriesPerTenant < 1) {
      throw new IllegalArgumentException("series limits must be at least 1");
    }
    if (seriesIdleTimeout.isNegative() || seriesIdleTimeout.isZero()) {
      throw new IllegalArgumentException("seriesIdleTimeout must be positive");
    }
  }
}
