package io.slamon.core.config;

import java.util.List;
import java.util.Objects;

/**
 * Reserved GPU capacity guaranteed during {@code criticalWindows}.
 *
 * @param migProfile MIG profile such as {@code 3g.40gb}, or null for whole GPUs
 */
public record CapacityReservation(
    String name,
    int gpus,
    int gpuMemoryGiB,
    String migProfile,
    List<CriticalWindow> criticalWindows) {
  public CapacityReservation {
    Objects.requireNonNull(name, "name");
    criticalWindows = List.copyOf(criticalWindows);
  }
}
