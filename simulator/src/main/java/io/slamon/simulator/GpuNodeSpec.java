package io.slamon.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** A GPU node with its own dcgm-exporter port (0 = ephemeral). */
public record GpuNodeSpec(
    String hostname, int port, String modelName, String driverVersion, List<GpuSpec> gpus) {
  public GpuNodeSpec {
    PodRef.requireText(hostname, "hostname");
    PodRef.requireText(modelName, "modelName");
    PodRef.requireText(driverVersion, "driverVersion");
    FleetSpec.requirePort(port, "dcgm-exporter port of " + hostname);
    gpus = List.copyOf(Objects.requireNonNull(gpus, "gpus"));
    if (gpus.isEmpty()) {
      throw new IllegalArgumentException(hostname + " has no GPUs");
    }
    var seen = new HashSet<Integer>();
    for (GpuSpec gpu : gpus) {
      if (!seen.add(gpu.index())) {
        throw new IllegalArgumentException(hostname + " lists GPU index " + gpu.index() + " twice");
      }
    }
  }

  GpuNodeSpec withPort(int newPort) {
    return new GpuNodeSpec(hostname, newPort, modelName, driverVersion, gpus);
  }
}
