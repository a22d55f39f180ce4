package io.slamon.bench.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one peer did in the measurement window.
 *
 * @param peer peer name
 * @param skipped why it did not run (binary missing, failed to start), or null
 * @param windowSeconds length of the measurement window
 * @param samples samples the peer stored in the window, by its own count
 * @param offeredPerSecond samples per second the targets offer (series only, no synthetic ones)
 * @param cpuSeconds CPU seconds in the window per process group (slamon: collector, database)
 * @param memoryBytes peak memory per process group (see {@link ProcessGroup#memoryBytes()})
 * @param queue backlog over the window, or null for peers without one
 * @param latenciesMillis scrape-to-queryable latencies seen by the probe (empty: not probed)
 * @param harnessCpuSeconds CPU of the benchmark JVM (simulator and probe) in the window, for context
 * @param loadAtStart load averages (1, 5, 15 min) when the window started: other work on the machine
 */
record PeerResult(
    String peer,
    String skipped,
    double windowSeconds,
    double samples,
    double offeredPerSecond,
    Map<String, Double> cpuSeconds,
    Map<String, Long> memoryBytes,
    Queue queue,
    List<Long> latenciesMillis,
    double harnessCpuSeconds,
    String loadAtStart) {

  /**
   * slamon's backlog in the window.
   *
   * @param start queued samples at the start
   * @param end queued samples at the end
   * @param max largest queue seen
   * @param slopePerSecond least-squares growth of the queue, samples per second
   * @param spoolBytesEnd disk spool size at the end
   * @param refused samples refused (queue or spool full, limits) in the window
   */
  record Queue(double start, double end, double max, double slopePerSecond, double spoolBytesEnd, double refused) {}

  PeerResult {
    cpuSeconds = cpuSeconds == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpuSeconds));
    memoryBytes = memoryBytes == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(memoryBytes));
    latenciesMillis = latenciesMillis == null ? List.of() : List.copyOf(latenciesMillis);
  }

  static PeerResult skipped(String peer, String why) {
    return new PeerResult(peer, why, 0, 0, 0, null, null, null, null, 0, null);
  }

  boolean ran() {
    return skipped == null;
  }

  double samplesPerSecond() {
    return samples / windowSeconds;
  }

  double totalCpuSeconds() {
    return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** CPU seconds per million stored samples, all process groups together. */
  double cpuPerMillionSamples() {
    return totalCpuSeconds() / samples * 1e6;
  }

  double cpuPerMillionSamples(String group) {
    return cpuSeconds.getOrDefault(group, Double.NaN) / samples * 1e6;
  }

  /** Latency at quantile q (nearest rank), if the probe saw any point. */
  Optional<Long> latencyQuantile(double q) {
    if (latenciesMillis.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = new ArrayList<>(latenciesMillis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return Optional.of(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
  }

  /** Least-squares slope of y over x; 0 with fewer than two points. */
  static double slope(List<double[]> points) {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (double[] p : points) {
      sx += p[0];
      sy += p[1];
      sxx += p[0] * p[0];
      sxy += p[0] * p[1];
    }
    double d = n * sxx - sx * sx;
    return d == 0 ? 0 : (n * sxy - sx * sy) / d;
  }
}
