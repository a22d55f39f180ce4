package io.slamon.bench.parser;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic dcgm-exporter-like page in the exporter's own layout (HELP/TYPE per
 * field, then one line per GPU with {@code gpu, UUID, pci_bus_id, device, modelName,
 * Hostname, DCGM_FI_DRIVER_VERSION} and the Kubernetes {@code container, namespace, pod}
 * attributes), covering several nodes as a federating or aggregating scrape sees them.
 */
public final class DcgmPage {
  private static final String[][] FIELDS = {
    {"DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz)."},
    {"DCGM_FI_DEV_MEM_CLOCK", "gauge", "Memory clock frequency (in MHz)."},
    {"DCGM_FI_DEV_MEMORY_TEMP", "gauge", "Memory temperature (in C)."},
    {"DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C)."},
    {"DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W)."},
    {"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter", "Total energy consumption since boot (in mJ)."},
    {"DCGM_FI_DEV_PCIE_REPLAY_COUNTER", "counter", "Total number of PCIe retries."},
    {"DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %)."},
    {"DCGM_FI_DEV_MEM_COPY_UTIL", "gauge", "Memory utilization (in %)."},
    {"DCGM_FI_DEV_ENC_UTIL", "gauge", "Encoder utilization (in %)."},
    {"DCGM_FI_DEV_DEC_UTIL", "gauge", "Decoder utilization (in %)."},
    {"DCGM_FI_DEV_XID_ERRORS", "gauge", "Value of the last XID error encountered."},
    {"DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB)."},
    {"DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB)."},
    {"DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "counter", "Total number of double-bit volatile ECC errors."},
    {"DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL", "counter", "Total number of NVLink bandwidth counters for all lanes."},
    {"DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gauge", "Ratio of time the graphics engine is active."},
    {"DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "gauge", "Ratio of cycles the tensor (HMMA) pipe is active."},
    {"DCGM_FI_PROF_DRAM_ACTIVE", "gauge", "Ratio of cycles the device memory interface is active sending or receiving data."},
    {"DCGM_FI_PROF_PCIE_TX_BYTES", "counter", "The rate of data transmitted over the PCIe bus."},
  };

  private DcgmPage() {}

  /** Number of metric fields per GPU. */
  public static int fields() {
    return FIELDS.length;
  }

  /** A page with {@code nodes × gpus × fields()} samples. */
  public static String generate(int nodes, int gpus) {
    return generate(nodes, gpus, 42);
  }

  /** The same series with other values: {@code seed} only changes the values, like the next scrape. */
  public static String generate(int nodes, int gpus, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(nodes * gpus * FIELDS.length * 330);
    for (String[] field : FIELDS) {
      out.append("# HELP ").append(field[0]).append(' ').append(field[2]).append('\n');
      out.append("# TYPE ").append(field[0]).append(' ').append(field[1]).append('\n');
      for (int node = 0; node < nodes; node++) {
        for (int gpu = 0; gpu < gpus; gpu++) {
          out.append(field[0])
              .append("{gpu=\"").append(gpu)
              .append("\",UUID=\"GPU-").append(String.format(Locale.ROOT, "%08x-8a3b-4c2d-9e1f-%012x", node * 131 + gpu, node * 7919L + gpu))
              .append("\",pci_bus_id=\"").append(String.format(Locale.ROOT, "00000000:%02X:00.0", 0x18 + gpu * 0x10))
              .append("\",device=\"nvidia").append(gpu)
              .append("\",modelName=\"NVIDIA H100 80GB HBM3")
              .append("\",Hostname=\"gpu-node-").append(String.format(Locale.ROOT, "%02d", node + 1))
              .append("\",DCGM_FI_DRIVER_VERSION=\"550.54.15")
              .append("\",container=\"vllm\",namespace=\"tenant-").append((char) ('a' + (node * gpus + gpu) % 4))
              .append("\",pod=\"vllm-").append(Integer.toHexString(0x7f9c + node * 16 + gpu)).append("\"} ");
          if (field[0].contains("PROF")) {
            out.append(String.format(Locale.ROOT, "%f", random.nextDouble()));
          } else {
            out.append(random.nextLong(100_000));
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }
}
