package io.slamon.simulator.internal;

import io.slamon.simulator.FleetSpec;
import io.slamon.simulator.GpuNodeSpec;
import io.slamon.simulator.GpuSpec;
import io.slamon.simulator.MigInstance;
import io.slamon.simulator.PodRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One physical GPU. Device-wide values (clocks, temperatures, power, counters) live here; the
 * per-entity values (framebuffer, engine activity) live in {@link Entity}: one for a whole GPU, one
 * per MIG instance for a partitioned GPU, which is how dcgm-exporter reports them.
 */
public final class GpuState {
  /** What dcgm-exporter reports as one series set: a whole GPU or one MIG instance. */
  public static final class Entity {
    final Optional<MigInstance> mig;
    final Optional<PodRef> pod;
    final int memoryMiB;
    long fbUsedMiB;
    double grEngineActive;
    double tensorActive;
    double dramActive;

    Entity(Optional<MigInstance> mig, Optional<PodRef> pod, int memoryMiB) {
      this.mig = mig;
      this.pod = pod;
      this.memoryMiB = memoryMiB;
    }
  }

  /** Framebuffer DCGM counts as reserved by the driver; neither free nor used. */
  static final int RESERVED_MIB = 528;

  final String hostname;
  final GpuSpec spec;
  final String uuid;
  final String pciBusId;
  final List<Entity> entities = new ArrayList<>();
  final boolean busy;

  double util;
  double memCopyUtil;
  double temp;
  double memTemp;
  double power;
  long smClock;
  long energyMj;
  long pcieReplays;
  long nvlinkCounter;
  long eccDbe;
  long xid;

  GpuState(long seed, GpuNodeSpec node, GpuSpec spec, RandomGenerator rng) {
    this.hostname = node.hostname();
    this.spec = spec;
    // Stable per (seed, host, index): UUIDs look like DCGM's "GPU-xxxxxxxx-...".
    this.uuid =
        "GPU-"
            + UUID.nameUUIDFromBytes(
                (seed + "/" + node.hostname() + "/" + spec.index())
                    .getBytes(StandardCharsets.UTF_8));
    // HGX H100 boards enumerate their 8 GPUs on these PCI buses.
    int[] buses = {0x18, 0x2a, 0x3a, 0x5d, 0x9a, 0xab, 0xba, 0xdb};
    this.pciBusId =
        String.format("00000000:%02X:00.0", buses[spec.index() % buses.length] & 0xff);
    if (spec.isMig()) {
      for (MigInstance instance : spec.migInstances()) {
        entities.add(new Entity(Optional.of(instance), instance.pod(), instance.memoryMiB()));
      }
    } else {
      entities.add(new Entity(Optional.empty(), spec.pod(), FleetSpec.H100_FB_MIB - RESERVED_MIB));
    }
    this.busy = entities.stream().anyMatch(e -> e.pod.isPresent());
    this.util = busy ? 45 + rng.nextDouble() * 40 : 0;
    this.energyMj = (long) (rng.nextDouble() * 4e12); // joules since boot, days of uptime
    this.nvlinkCounter = (long) (rng.nextDouble() * 1e12);
    this.pcieReplays = rng.nextInt(3);
    for (Entity e : entities) {
      e.fbUsedMiB = e.pod.isPresent() ? (long) (e.memoryMiB * (0.86 + rng.nextDouble() * 0.06)) : 0;
    }
  }

  /** Advances one simulated second. Draws the same random numbers whatever the faults are. */
  void step(RandomGenerator rng, boolean xidFault) {
    double walk = rng.nextGaussian();
    double noiseTemp = rng.nextGaussian();
    double noisePower = rng.nextGaussian();
    double replay = rng.nextDouble();
    if (busy) {
      // Mean-reverting random walk around 65 %, kept inside the realistic 30..95 % band.
      util = clamp(util + 0.08 * (65 - util) + 4 * walk, 30, 95);
      memCopyUtil = clamp(util * 0.55 + 2 * noiseTemp, 5, 80);
      temp = clamp(38 + util * 0.42 + noiseTemp, 40, 80);
      power = clamp(150 + util / 100 * 520 + 8 * noisePower, 150, 700);
      smClock = temp > 76 ? 1755 : 1980;
    } else {
      util = 0;
      memCopyUtil = 0;
      temp = 33 + 0.5 * noiseTemp;
      power = 70 + noisePower;
      smClock = 345;
    }
    memTemp = temp + 5;
    energyMj += (long) (power * 1000);
    if (replay < 0.0005) {
      pcieReplays++;
    }
    nvlinkCounter += (long) (util * 40_000);
    for (Entity e : entities) {
      double jitter = rng.nextDouble();
      if (e.pod.isPresent()) {
        double ratio = (spec.isMig() ? 0.5 + 0.4 * jitter : util / 100 * (0.9 + 0.1 * jitter));
        e.grEngineActive = ratio;
        e.tensorActive = ratio * 0.6;
        e.dramActive = ratio * 0.45;
        e.fbUsedMiB = clampLong(e.fbUsedMiB + (long) ((jitter - 0.5) * 64), 1, e.memoryMiB);
      } else {
        e.grEngineActive = 0;
        e.tensorActive = 0;
        e.dramActive = 0;
      }
    }
    if (xidFault && xid == 0) {
      // XID 79: "GPU has fallen off the bus"; DCGM keeps reporting the last XID value.
      xid = 79;
    } else if (!xidFault) {
      xid = 0;
    }
  }

  public String hostname() {
    return hostname;
  }

  public int index() {
    return spec.index();
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static long clampLong(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
