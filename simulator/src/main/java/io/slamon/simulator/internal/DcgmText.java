package io.slamon.simulator.internal;

import io.slamon.simulator.GpuNodeSpec;
import io.slamon.simulator.MigInstance;
import io.slamon.simulator.PodRef;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Renders a node's {@code /metrics} exactly as NVIDIA dcgm-exporter's GPU template does
 * (internal/pkg/rendermetrics/render_metrics.go): {@code # HELP}/{@code # TYPE} per counter, label
 * order {@code gpu, UUID, pci_bus_id, device, modelName[, GPU_I_PROFILE, GPU_I_ID], Hostname}, then
 * label-type fields ({@code DCGM_FI_DRIVER_VERSION}), then Kubernetes attributes sorted by key
 * ({@code container, namespace, pod}). Label values are written unescaped and no timestamps are
 * written, as dcgm-exporter does. Integers print as {@code %d}, doubles as Go's {@code %f}.
 */
final class DcgmText {
  record Counter(
      String field,
      String type,
      String help,
      boolean integer,
      boolean onMig,
      BiFunction<GpuState, GpuState.Entity, Double> value) {}

  /** HELP texts and types from dcgm-exporter's etc/default-counters.csv and dcp-metrics. */
  private static final List<Counter> COUNTERS =
      List.of(
          new Counter("DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz).", true, true,
              (g, e) -> (double) g.smClock),
          new Counter("DCGM_FI_DEV_MEM_CLOCK", "gauge", "Memory clock frequency (in MHz).", true,
              true, (g, e) -> g.busy ? 2619.0 : 1593.0),
          new Counter("DCGM_FI_DEV_MEMORY_TEMP", "gauge", "Memory temperature (in C).", true, true,
              (g, e) -> (double) Math.round(g.memTemp)),
          new Counter("DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C).", true, true,
              (g, e) -> (double) Math.round(g.temp)),
          new Counter("DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W).", false, true,
              (g, e) -> g.power),
          new Counter("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter",
              "Total energy consumption since boot (in mJ).", true, true,
              (g, e) -> (double) g.energyMj),
          new Counter("DCGM_FI_DEV_PCIE_REPLAY_COUNTER", "counter", "Total number of PCIe retries.",
              true, true, (g, e) -> (double) g.pcieReplays),
          new Counter("DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %).", true, false,
              (g, e) -> (double) Math.round(g.util)),
          new Counter("DCGM_FI_DEV_MEM_COPY_UTIL", "gauge", "Memory utilization (in %).", true,
              false, (g, e) -> (double) Math.round(g.memCopyUtil)),
          new Counter("DCGM_FI_DEV_ENC_UTIL", "gauge", "Encoder utilization (in %).", true, false,
              (g, e) -> 0.0),
          new Counter("DCGM_FI_DEV_DEC_UTIL", "gauge", "Decoder utilization (in %).", true, false,
              (g, e) -> 0.0),
          new Counter("DCGM_FI_DEV_XID_ERRORS", "gauge", "Value of the last XID error encountered.",
              true, true, (g, e) -> (double) g.xid),
          new Counter("DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB).", true,
              true, (g, e) -> (double) (e.memoryMiB - e.fbUsedMiB)),
          new Counter("DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB).", true,
              true, (g, e) -> (double) e.fbUsedMiB),
          new Counter("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "counter",
              "Total number of double-bit volatile ECC errors.", true, true,
              (g, e) -> (double) g.eccDbe),
          new Counter("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL", "counter",
              "Total number of NVLink bandwidth counters for all lanes.", true, true,
              (g, e) -> (double) g.nvlinkCounter),
          new Counter("DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gauge",
              "Ratio of time the graphics engine is active.", false, true,
              (g, e) -> e.grEngineActive),
          new Counter("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "gauge",
              "Ratio of cycles the tensor (HMMA) pipe is active.", false, true,
              (g, e) -> e.tensorActive),
          new Counter("DCGM_FI_PROF_DRAM_ACTIVE", "gauge",
              "Ratio of cycles the device memory interface is active sending or receiving data.",
              false, true, (g, e) -> e.dramActive));

  private DcgmText() {}

  /** dcgm-exporter's fields in page order (the scale mode renders the same families). */
  static List<Counter> counters() {
    return COUNTERS;
  }

  static String render(GpuNodeSpec node, List<GpuState> gpus) {
    var out = new StringBuilder(64 * 1024);
    for (Counter counter : COUNTERS) {
      boolean headerWritten = false;
      for (GpuState gpu : gpus) {
        if (gpu.spec.isMig() && !counter.onMig()) {
          continue;
        }
        for (GpuState.Entity entity : gpu.entities) {
          if (!headerWritten) {
            out.append("# HELP ").append(counter.field()).append(' ').append(counter.help());
            out.append("\n# TYPE ").append(counter.field()).append(' ').append(counter.type());
            out.append('\n');
            headerWritten = true;
          }
          series(out, counter, node, gpu, entity);
        }
      }
    }
    return out.toString();
  }

  private static void series(
      StringBuilder out, Counter counter, GpuNodeSpec node, GpuState gpu, GpuState.Entity e) {
    int index = gpu.spec.index();
    out.append(counter.field())
        .append("{gpu=\"").append(index)
        .append("\",UUID=\"").append(gpu.uuid)
        .append("\",pci_bus_id=\"").append(gpu.pciBusId)
        .append("\",device=\"nvidia").append(index)
        .append("\",modelName=\"").append(node.modelName()).append('"');
    if (e.mig.isPresent()) {
      MigInstance mig = e.mig.get();
      out.append(",GPU_I_PROFILE=\"").append(mig.profile())
          .append("\",GPU_I_ID=\"").append(mig.instanceId()).append('"');
    }
    out.append(",Hostname=\"").append(node.hostname()).append('"');
    out.append(",DCGM_FI_DRIVER_VERSION=\"").append(node.driverVersion()).append('"');
    if (e.pod.isPresent()) {
      PodRef pod = e.pod.get();
      out.append(",container=\"").append(pod.container())
          .append("\",namespace=\"").append(pod.namespace())
          .append("\",pod=\"").append(pod.pod()).append('"');
    }
    double v = counter.value().apply(gpu, e);
    out.append("} ");
    if (counter.integer()) {
      out.append((long) v);
    } else {
      out.append(String.format(Locale.ROOT, "%f", v));
    }
    out.append('\n');
  }
}
