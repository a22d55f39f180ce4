package io.slamon.bench.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one peer: start, warm up (series get created, JITs compile), then a measurement window
 * in which CPU, stored samples, memory, backlog and (where the peer can be queried) the
 * scrape-to-queryable latency are recorded, then stop.
 */
final class Measurement {
  /** How often the probe asks whether new points of the probe series are visible. */
  static final Duration PROBE_EVERY = Duration.ofMillis(200);
  /** Key of the collector's live heap (after a full GC) among the memory figures. */
  static final String LIVE_HEAP = "collector live heap";

  private final Peer.Setup setup;
  private final Duration warmup;
  private final Duration window;
  private final double offeredPerSecond;
  private final PrintStream log;

  Measurement(Peer.Setup setup, Duration warmup, Duration window, double offeredPerSecond, PrintStream log) {
    this.setup = setup;
    this.warmup = warmup;
    this.window = window;
    this.offeredPerSecond = offeredPerSecond;
    this.log = log;
  }

  PeerResult run(Peer peer, Path work) {
    Optional<String> missing = peer.unavailable();
    if (missing.isPresent()) {
      log.printf("%s: SKIPPED, %s%n", peer.name(), missing.get());
      return PeerResult.skipped(peer.name(), missing.get());
    }
    log.printf("%s: starting%n", peer.name());
    try (Peer.Running running = peer.start(setup, work)) {
      log.printf("%s: ready, warming up for %ds%n", peer.name(), warmup.toSeconds());
      Map<String, Long> memory = new LinkedHashMap<>();
      sampleMemory(running, memory);
      sleepSampling(running, memory, warmup);
      return measure(peer, running, memory);
    } catch (Exception e) {
      log.printf("%s: FAILED, %s%n", peer.name(), e);
      return PeerResult.skipped(peer.name(), "failed: " + e.getMessage());
    }
  }

  private PeerResult measure(Peer peer, Peer.Running running, Map<String, Long> memory) throws Exception {
    String load = IngestBench.loadAverage();
    Map<String, Double> cpu0 = cpu(running);
    double harness0 = Proc.cpuSeconds(ProcessHandle.current().pid());
    double samples0 = running.samplesIngested();
    Optional<Peer.Backlog> backlog0 = running.backlog();
    long t0 = System.nanoTime();
    List<Long> latencies = new ArrayList<>();
    AtomicBoolean probing = new AtomicBoolean(running.probes());
    Thread probe = Thread.ofPlatform().name("latency-probe").daemon().start(() -> probe(running, probing, latencies));
    List<double[]> queue = new ArrayList<>();
    double queueMax = backlog0.map(Peer.Backlog::queuedSamples).orElse(0.0);
    log.printf("%s: measuring for %ds%n", peer.name(), window.toSeconds());
    long end = t0 + window.toNanos();
    int tick = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      sampleMemory(running, memory);
      Optional<Peer.Backlog> b = running.backlog();
      if (b.isPresent()) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        queue.add(new double[] {seconds, b.get().queuedSamples()});
        queueMax = Math.max(queueMax, b.get().queuedSamples());
      }
      if (++tick % 10 == 0) {
        log.printf("%s: %3.0fs  %,.0f samples stored%s%n", peer.name(), (System.nanoTime() - t0) / 1e9,
            running.samplesIngested() - samples0,
            b.map(x -> String.format(", queue %,.0f, spool %,.0f bytes", x.queuedSamples(), x.spoolBytes())).orElse(""));
      }
    }
    double samples1 = running.samplesIngested();
    for (ProcessGroup g : running.processes()) {
      if (!g.alive()) {
        // its CPU and memory would read as 0: no number rather than a wrong one
        throw new IllegalStateException(g.name() + " (pid " + g.pid() + ") exited during the window");
      }
    }
    Map<String, Double> cpu1 = cpu(running);
    double harness1 = Proc.cpuSeconds(ProcessHandle.current().pid());
    Optional<Peer.Backlog> backlog1 = running.backlog();
    if (backlog1.isPresent()) {
      queueMax = Math.max(queueMax, backlog1.get().queuedSamples());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    probing.set(false);
    probe.join(5_000);
    sampleMemory(running, memory);
    running.liveHeapBytes().ifPresent(b -> memory.put(LIVE_HEAP, b));
    Map<String, Double> cpuDelta = new LinkedHashMap<>();
    cpu1.forEach((k, v) -> cpuDelta.put(k, v - cpu0.getOrDefault(k, 0.0)));
    PeerResult.Queue q = null;
    if (backlog0.isPresent() && backlog1.isPresent()) {
      q = new PeerResult.Queue(backlog0.get().queuedSamples(), backlog1.get().queuedSamples(), queueMax,
          PeerResult.slope(queue), backlog1.get().spoolBytes(), backlog1.get().refusedSamples() - backlog0.get().refusedSamples());
    }
    List<Long> seen;
    synchronized (latencies) {
      seen = List.copyOf(latencies);
    }
    var result = new PeerResult(peer.name(), null, seconds, samples1 - samples0, offeredPerSecond, cpuDelta, memory, q, seen,
        harness1 - harness0, load);
    log.printf("%s: %,.0f samples/s, %.3f CPU-s per million samples, stopping%n", peer.name(), result.samplesPerSecond(),
        result.cpuPerMillionSamples());
    return result;
  }

  /**
   * Polls the probe series of every target; each point that became visible since the last poll
   * counts with (now - its scrape timestamp). Polling every 200 ms overstates by at most that.
   */
  private void probe(Peer.Running running, AtomicBoolean probing, List<Long> latencies) {
    Map<String, Long> lastSeen = new HashMap<>();
    long start = System.currentTimeMillis();
    setup.targets().forEach(t -> lastSeen.put(t, start));
    int failures = 0;
    while (probing.get()) {
      try {
        long watermark = lastSeen.values().stream().mapToLong(Long::longValue).min().orElse(start);
        Map<String, List<Long>> visible = running.visibleSince(watermark);
        long now = System.currentTimeMillis();
        visible.forEach((target, stamps) -> {
          Long seen = lastSeen.get(target);
          if (seen == null) {
            return; // not one of ours
          }
          for (long ts : stamps) {
            if (ts > seen) {
              synchronized (latencies) {
                latencies.add(now - ts);
              }
              lastSeen.merge(target, ts, Math::max);
            }
          }
        });
      } catch (Exception e) {
        if (failures++ < 3) {
          log.printf("probe failed: %s%n", e);
        }
      }
      try {
        Thread.sleep(PROBE_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Map<String, Double> cpu(Peer.Running running) {
    Map<String, Double> cpu = new LinkedHashMap<>();
    running.processes().forEach(g -> cpu.put(g.name(), g.cpuSeconds()));
    return cpu;
  }

  private static void sampleMemory(Peer.Running running, Map<String, Long> peak) {
    running.processes().forEach(g -> peak.merge(g.name(), g.memoryBytes(), Math::max));
  }

  private static void sleepSampling(Peer.Running running, Map<String, Long> memory, Duration d) throws InterruptedException {
    long end = System.nanoTime() + d.toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      sampleMemory(running, memory);
    }
  }
}
