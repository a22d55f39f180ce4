package io.slamon.bench.storage;

/**
 * A synthetic fleet in columns: {@code series} counters scraped together every {@code intervalSeconds}
 * for {@code days}, time-major (one scrape of all series, then the next), as a scraper delivers them.
 */
record Dataset(int series, int days, int intervalSeconds, long startMillis) {
  long scrapes() {
    return (long) days * 86_400 / intervalSeconds;
  }

  long samples() {
    return scrapes() * series;
  }

  long tsMillis(long scrape) {
    return startMillis + scrape * intervalSeconds * 1000L;
  }

  /** A counter growing by a series-dependent step, so sums differ per series. */
  static double value(int series, long scrape) {
    return scrape * (1 + series % 7);
  }

  long endMillis() {
    return tsMillis(scrapes());
  }
}
