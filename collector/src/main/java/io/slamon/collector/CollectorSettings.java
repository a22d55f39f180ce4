package io.slamon.collector;

import java.nio.file.Path;
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
 * @param spoolDirectory where batches go while the database is down (usually {@code
 *     <dataDirectory>/spool}); {@code null}: no disk spool, batches wait in memory only
 * @param maxSpoolBytes bound of the spool's files; beyond it samples are refused ({@code spool_full})
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
    Duration shutdownTimeout,
    Path spoolDirectory,
    long maxSpoolBytes) {
  /** 1 GiB: about 3 million dcgm-sized samples (labels are stored with every sample). */
  public static final long DEFAULT_MAX_SPOOL_BYTES = 1L << 30;

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
    if (maxSpoolBytes < 1) {
      throw new IllegalArgumentException("maxSpoolBytes must be >= 1, got " + maxSpoolBytes);
    }
  }

  /**
   * Loopback, port 0, 500 000 queued samples, batches of 20 000, backoff
   * 200 ms doubling to 10 s, 1 MiB event bodies, seed 0, 10 s shutdown flush, no disk spool
   * (bound 1 GiB once {@link #withSpool(Path)} sets a directory).
   */
  public static CollectorSettings defaults() {
    return new CollectorSettings(
        "127.0.0.1", 0, 500_000, 20_000, Duration.ofMillis(200), Duration.ofSeconds(10), 1 << 20, 0L,
        Duration.ofSeconds(10), null, DEFAULT_MAX_SPOOL_BYTES);
  }

  public CollectorSettings withPort(int newPort) {
    return new CollectorSettings(host, newPort, maxQueuedSamples, maxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, maxEventBodyBytes, jitterSeed, shutdownTimeout, spoolDirectory, maxSpoolBytes);
  }

  public CollectorSettings withQueue(int newMaxQueuedSamples, int newMaxBatchSamples) {
    return new CollectorSettings(host, port, newMaxQueuedSamples, newMaxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, maxEventBodyBytes, jitterSeed, shutdownTimeout, spoolDirectory, maxSpoolBytes);
  }

  public CollectorSettings withRetryBackoff(Duration initial, Duration max) {
    return new CollectorSettings(host, port, maxQueuedSamples, maxBatchSamples, initial, max,
        maxEventBodyBytes, jitterSeed, shutdownTimeout, spoolDirectory, maxSpoolBytes);
  }

  public CollectorSettings withMaxEventBodyBytes(long bytes) {
    return new CollectorSettings(host, port, maxQueuedSamples, maxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, bytes, jitterSeed, shutdownTimeout, spoolDirectory, maxSpoolBytes);
  }

  /** Spools to {@code directory} (bound {@link #maxSpoolBytes()}) while the database is down; null turns it off. */
  public CollectorSettings withSpool(Path directory) {
    return withSpool(directory, maxSpoolBytes);
  }

  public CollectorSettings withSpool(Path directory, long maxBytes) {
    return new CollectorSettings(host, port, maxQueuedSamples, maxBatchSamples, retryInitialBackoff,
        retryMaxBackoff, maxEventBodyBytes, jitterSeed, shutdownTimeout, directory, maxBytes);
  }
}
