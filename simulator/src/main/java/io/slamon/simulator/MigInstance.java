package io.slamon.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * One MIG GPU instance, e.g. profile {@code 1g.10gb} with instance id 7, optionally allocated to a
 * pod.
 */
public record MigInstance(String profile, int instanceId, int memoryMiB, Optional<PodRef> pod) {
  public MigInstance {
    PodRef.requireText(profile, "MIG profile");
    if (instanceId < 0) {
      throw new IllegalArgumentException("MIG instance id must be >= 0, got " + instanceId);
    }
    if (memoryMiB <= 0) {
      throw new IllegalArgumentException("MIG memory must be > 0 MiB, got " + memoryMiB);
    }
    Objects.requireNonNull(pod, "pod (use Optional.empty())");
  }
}
