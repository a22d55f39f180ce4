package io.slamon.simulator.internal;

import io.slamon.simulator.ActiveFault;
import io.slamon.simulator.Fault;
import io.slamon.simulator.FaultType;
import io.slamon.simulator.FleetSpec;
import io.slamon.simulator.GpuNodeSpec;
import io.slamon.simulator.GpuSpec;
import io.slamon.simulator.SimEvent;
import io.slamon.simulator.VllmServerSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The whole simulated fleet, advanced in fixed one-second steps of simulated time. Every value comes
 * from one seeded generator consumed in a fixed order per step, so the state at time {@code t}
 * depends only on the seed, the start instant, {@code t} and the injected faults: two fleets with
 * the same seed and the same clock readings render byte-identical {@code /metrics}, however often
 * or in which order they are scraped. Thread-safe: all access is synchronized.
 */
public final class FleetState {
  /** Events kept for a pusher; the oldest are dropped beyond this. */
  public static final int OUTBOX_LIMIT = 10_000;

  private final FleetSpec spec;
  private final RandomGenerator rng;
  private final List<List<GpuState>> nodes = new ArrayList<>();
  private final List<VllmState> servers = new ArrayList<>();
  private final FaultBook faults;
  private final EventSchedule schedule;
  private final ArrayDeque<SimEvent> outbox = new ArrayDeque<>();
  private Instant now;
  private long droppedEvents;

  public FleetState(FleetSpec spec, Instant start) {
    this.spec = spec;
    // L64X128MixRandom: a splittable, well-specified algorithm whose output for a seed is fixed
    // by the JDK spec, unlike java.util.Random's subclass-dependent behaviour.
    this.rng = RandomGeneratorFactory.of("L64X128MixRandom").create(spec.seed());
    this.now = start.truncatedTo(ChronoUnit.SECONDS);
    for (GpuNodeSpec node : spec.gpuNodes()) {
      var gpus = new ArrayList<GpuState>();
      for (GpuSpec gpu : node.gpus()) {
        gpus.add(new GpuState(spec.seed(), node, gpu, rng));
      }
      nodes.add(gpus);
    }
    for (VllmServerSpec server : spec.vllmServers()) {
      servers.add(new VllmState(server, now));
    }
    this.faults = new FaultBook(spec);
    this.schedule = new EventSchedule(spec.seed(), spec.tenants(), now);
    // Start from a populated state rather than all-zero counters.
    step(now);
  }

  public FleetSpec spec() {
    return spec;
  }

  /** Advances the simulation in whole seconds up to {@code t}; earlier instants are ignored. */
  public synchronized void advanceTo(Instant t) {
    while (!now.plusSeconds(1).isAfter(t)) {
      now = now.plusSeconds(1);
      step(now);
    }
  }

  public synchronized Instant now() {
    return now;
  }

  private void step(Instant t) {
    for (List<GpuState> node : nodes) {
      for (GpuState gpu : node) {
        gpu.step(rng, faults.gpu(FaultType.GPU_XID, gpu.hostname, gpu.index(), t));
      }
    }
    for (VllmState server : servers) {
      server.step(
          rng,
          faults.vllm(FaultType.LATENCY_SPIKE, server.spec, t),
          faults.vllm(FaultType.QUEUE_BUILDUP, server.spec, t),
          faults.vllm(FaultType.ENDPOINT_DOWN, server.spec, t));
    }
    schedule.step(t, rng, servers, faults, this::emit);
  }

  private void emit(SimEvent event) {
    if (outbox.size() >= OUTBOX_LIMIT) {
      outbox.removeFirst();
      droppedEvents++;
    }
    outbox.addLast(event);
  }

  /** The dcgm-exporter text of GPU node {@code i} at {@code t}. */
  public synchronized String dcgmMetrics(int i, Instant t) {
    advanceTo(t);
    // gpu-lost is judged at the scrape instant so injecting or clearing it shows at once.
    List<GpuState> visible =
        nodes.get(i).stream()
            .filter(g -> !faults.gpu(FaultType.GPU_LOST, g.hostname, g.index(), t))
            .toList();
    return DcgmText.render(spec.gpuNodes().get(i), visible);
  }

  /** The vLLM text of server {@code i} at {@code t}, or empty when the endpoint is down. */
  public synchronized java.util.Optional<String> vllmMetrics(int i, Instant t) {
    advanceTo(t);
    VllmState server = servers.get(i);
    // Judged at the scrape instant, like gpu-lost; the request accounting follows per step.
    boolean down = faults.vllm(FaultType.ENDPOINT_DOWN, server.spec, t);
    return down ? java.util.Optional.empty() : java.util.Optional.of(VllmText.render(server));
  }

  public synchronized ActiveFault inject(Fault fault, Instant t) {
    advanceTo(t);
    return faults.add(fault, now.isAfter(t) ? now : t);
  }

  public synchronized void clear(String faultId, Instant t) {
    advanceTo(t);
    faults.clear(faultId);
  }

  public synchronized List<ActiveFault> activeFaults(Instant t) {
    advanceTo(t);
    return faults.active(t);
  }

  /** Removes and returns up to {@code max} pending events, oldest first. */
  public synchronized List<SimEvent> drainEvents(Instant t, int max) {
    advanceTo(t);
    var out = new ArrayList<SimEvent>(Math.min(max, outbox.size()));
    while (out.size() < max && !outbox.isEmpty()) {
      out.add(outbox.removeFirst());
    }
    return out;
  }

  public synchronized long droppedEvents() {
    return droppedEvents;
  }
}
