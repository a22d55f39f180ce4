package io.slamon.collector;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of one collector process.
 *
 * @param host address the HTTP server binds to
 * @param port HTTP port; 0 picks a free one ({@link Collector#start()} returns it)
 * @param maxQueuedSamples write queue bound; above it new scrapes are refused (counted), never buffered
 * @param maxBatchSamples largest batch handed to the {@code SampleWriter} in one call
 * @param retryInitialBackoff first wait after the database refused a batch
 * @param retryMaxBackoff cap of the doubling backoff
 * @param maxEventBodyBytes largest accepted events request body (413 above)
 * @param jitterSeed seed of the first-scrape jitter, so runs are reproducible
 * @param shutdownTimeout how long {@code close()} keeps trying to flush queued samples
 */
public record CollectorSettings(
    String host,
    int port,
    int maxQueuedSamples,
    int maxBatchSamples,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff,
    long maxEventBodyBytes,
    long jitterSeed,
    Duration shutdownTimeout) {
  public CollectorSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(retryInitialBackoff, "retryInitialBackoff");
    Objects.requireNonNull(retryMaxBackoff, "retryMaxBackoff");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxQueuedSamples < 1 || maxBatchSamples < 1) {
      throw new IllegalArgumentException("maxQueuedSamples and maxBatchSamples must be >= 1");
    }
    if (retryInitialBackoff.isNegative() || retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
      throw new IllegalArgumentException("retry backoff must satisfy 0 <= initial <= max");
    }
    if (maxEventBodyBytes < 1) {
      throw new IllegalArgumentException("maxEventBodyBytes must be >= 1");
    }
  }

  /**
   * Loopback, port 0, 200 000 queued samples (about 60 MB of heap), batches of 5 000, backoff
   * 200 ms doubling to 10 s, 1 MiB event bodies, seed 0, 10 s shutdown flush.
   */
  public static CollectorSettings defaults() {
    return new CollectorSettings(
        "127.0.0.1", 0, 200_000, 5_000, Duration.ofMillis(200), Duration.ofSeconds(10), 1 << 20, 0L,
        Duration.ofSeconds(10));
  }

  public CollectorSettings withPort(int newPort) {
    return new CollectorSettings(host, newPort, maxQueuedSamples, maxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, maxEventBodyBytes, jitterSeed, shutdownTimeout);
  }

  public CollectorSettings withQueue(int newMaxQueuedSamples, int newMaxBatchSamples) {
    return new CollectorSettings(host, port, newMaxQueuedSamples, newMaxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, maxEventBodyBytes, jitterSeed, shutdownTimeout);
  }

  public CollectorSettings withRetryBackoff(Duration initial, Duration max) {
    return new CollectorSettings(host, port, maxQueuedSamples, maxBatchSamples, initial, max,
        maxEventBodyBytes, jitterSeed, shutdownTimeout);
  }

  public CollectorSettings withMaxEventBodyBytes(long bytes) {
    return new CollectorSettings(host, port, maxQueuedSamples, maxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, bytes, jitterSeed, shutdownTimeout);
  }
}
