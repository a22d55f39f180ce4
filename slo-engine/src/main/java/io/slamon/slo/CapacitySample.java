package io.slamon.slo;

import java.time.Instant;
import java.util.Objects;

/** How many of the tenant's GPUs were healthy and allocatable at one instant. */
public record CapacitySample(Instant at, int healthyAllocatable) {
  public CapacitySample {
    Objects.requireNonNull(at, "at");
    if (healthyAllocatable < 0) {
      throw new IllegalArgumentException("Illegal GPU count " + healthyAllocatable + " at " + at + ": expecting >= 0");
    }
  }
}
