package io.slamon.bench.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A system under test: slamon, Prometheus or VictoriaMetrics, scraping the simulator's targets. */
interface Peer {
  String name();

  /** Why this peer cannot run here (binary missing), or empty when it can. */
  Optional<String> unavailable();

  /** Starts the peer in {@code work} (a fresh directory) and returns once it is ready to scrape. */
  Running start(Setup setup, Path work) throws Exception;

  /** What every peer scrapes: the simulator's targets, every {@code interval}. */
  record Setup(List<String> targets, java.time.Duration interval, int seriesPerTarget) {
    /** The series the latency probe watches on each target: the first line of its page. */
    static final String PROBE_METRIC = "DCGM_FI_DEV_SM_CLOCK";
    static final String PROBE_GPU = "0";

    public Setup {
      targets = List.copyOf(targets);
    }
  }

  /** Queue depth, spool and refusals of a peer that has them (slamon). */
  record Backlog(double queuedSamples, double spoolBytes, double refusedSamples) {}

  /** A started peer. */
  interface Running extends AutoCloseable {
    /** The processes whose CPU and memory count for this peer (slamon: collector, database). */
    List<ProcessGroup> processes();

    /** Samples stored since start, as the peer counts them. */
    double samplesIngested() throws Exception;

    /** Backlog now, or empty for peers without one. */
    Optional<Backlog> backlog() throws Exception;

    /** Whether {@link #visibleSince} works for this peer. */
    boolean probes();

    /**
     * Timestamps (epoch ms) of the probe series' points newer than {@code afterMillis} that a
     * query sees right now, by target ({@code instance} label): one query for all targets, so
     * probing every target stays cheap for the peer.
     */
    Map<String, List<Long>> visibleSince(long afterMillis) throws Exception;

    /**
     * Heap still live after a full collection, for a JVM peer (asked through {@code jcmd} once the
     * window is over, since the full GC disturbs the process): what the collector needs, as
     * opposed to what the JVM reserved because it could.
     */
    default java.util.OptionalLong liveHeapBytes() {
      return java.util.OptionalLong.empty();
    }

    /** Stops the peer and waits for its processes to exit. */
    @Override
    void close();
  }
}
