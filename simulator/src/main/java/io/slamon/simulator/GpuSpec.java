package io.slamon.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One physical GPU of a node: its index ({@code gpu="3"}, {@code device="nvidia3"}), the pod it is
 * allocated to (whole-GPU allocation) or its MIG instances (then {@code pod} is empty).
 */
public record GpuSpec(int index, Optional<PodRef> pod, List<MigInstance> migInstances) {
  public GpuSpec {
    if (index < 0) {
      throw new IllegalArgumentException("GPU index must be >= 0, got " + index);
    }
    Objects.requireNonNull(pod, "pod (use Optional.empty())");
    migInstances = List.copyOf(Objects.requireNonNull(migInstances, "migInstances"));
    if (pod.isPresent() && !migInstances.isEmpty()) {
      throw new IllegalArgumentException(
          "GPU " + index + " is MIG-partitioned; allocate its MIG instances, not the whole GPU");
    }
  }

  public static GpuSpec unallocated(int index) {
    return new GpuSpec(index, Optional.empty(), List.of());
  }

  public static GpuSpec allocated(int index, PodRef pod) {
    return new GpuSpec(index, Optional.of(pod), List.of());
  }

  public static GpuSpec mig(int index, List<MigInstance> instances) {
    return new GpuSpec(index, Optional.empty(), instances);
  }

  public boolean isMig() {
    return !migInstances.isEmpty();
  }
}
