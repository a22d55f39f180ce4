package io.slamon.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the simulated fleet consists of. The same spec and seed always produce the same fleet.
 *
 * @param seed seeds every random value the fleet produces
 * @param gpuNodes one dcgm-exporter endpoint each
 * @param vllmServers one vLLM endpoint each
 * @param tenants tenants that receive pushed events (backups, CVEs, maintenance, ...)
 */
public record FleetSpec(
    long seed, List<GpuNodeSpec> gpuNodes, List<VllmServerSpec> vllmServers, List<String> tenants) {

  public static final String H100 = "NVIDIA H100 80GB HBM3";
  public static final String DRIVER = "550.127.05";
  /** Framebuffer of an H100 80GB HBM3 as DCGM reports it (FB_FREE + FB_USED + reserved). */
  public static final int H100_FB_MIB = 81559;

  public FleetSpec {
    gpuNodes = List.copyOf(Objects.requireNonNull(gpuNodes, "gpuNodes"));
    vllmServers = List.copyOf(Objects.requireNonNull(vllmServers, "vllmServers"));
    tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants"));
    if (gpuNodes.isEmpty() && vllmServers.isEmpty()) {
      throw new IllegalArgumentException("a fleet needs at least one GPU node or vLLM server");
    }
    var hosts = new HashSet<String>();
    for (GpuNodeSpec node : gpuNodes) {
      if (!hosts.add(node.hostname())) {
        throw new IllegalArgumentException("GPU node hostname " + node.hostname() + " used twice");
      }
    }
    var models = new HashSet<String>();
    for (VllmServerSpec server : vllmServers) {
      if (!models.add(server.modelName() + "@" + server.tenant())) {
        throw new IllegalArgumentException(
            "vLLM server for " + server.modelName() + " of " + server.tenant() + " listed twice");
      }
    }
    var fixedPorts = new HashSet<Integer>();
    gpuNodes.forEach(n -> requireUniquePort(fixedPorts, n.port()));
    vllmServers.forEach(s -> requireUniquePort(fixedPorts, s.port()));
    for (String tenant : tenants) {
      PodRef.requireText(tenant, "tenant");
    }
  }

  /**
   * The demo fleet: 4 H100 nodes {@code gpu-node-01..04} on ports 19401..19404 (8 GPUs each,
   * allocated to pods of the four demo tenants, some unallocated, GPUs 6 and 7 of gpu-node-04
   * split into seven {@code 1g.10gb} MIG instances each) and 4 vLLM servers on 18001..18004, one
   * per tenant.
   */
  public static FleetSpec demo(long seed) {
    String acme = "acme-logistik";
    String stadtwerke = "stadtwerke-nord";
    String hanse = "hanse-bank";
    String praxis = "praxis-digital";
    var node1 = new ArrayList<GpuSpec>();
    for (int i = 0; i < 8; i++) {
      node1.add(
          i < 4
              ? GpuSpec.allocated(i, pod(acme, "vllm-llama-3-1-8b", i, "vllm"))
              : i < 6
                  ? GpuSpec.allocated(i, pod(stadtwerke, "vllm-mistral-7b", i, "vllm"))
                  : GpuSpec.unallocated(i));
    }
    var node2 = new ArrayList<GpuSpec>();
    for (int i = 0; i < 8; i++) {
      node2.add(
          i < 6
              ? GpuSpec.allocated(i, pod(hanse, "vllm-llama-3-3-70b", i / 4, "vllm"))
              : GpuSpec.unallocated(i));
    }
    var node3 = new ArrayList<GpuSpec>();
    for (int i = 0; i < 8; i++) {
      node3.add(
          i < 4
              ? GpuSpec.allocated(i, pod(praxis, "vllm-qwen2-5-14b", i, "vllm"))
              : i < 6
                  ? GpuSpec.allocated(i, pod(hanse, "embedding-bge-m3", i, "embedder"))
                  : i == 6
                      ? GpuSpec.allocated(i, pod(acme, "rag-indexer", 0, "indexer"))
                      : GpuSpec.unallocated(i));
    }
    var node4 = new ArrayList<GpuSpec>();
    for (int i = 0; i < 6; i++) {
      node4.add(
          i < 2
              ? GpuSpec.allocated(i, pod(stadtwerke, "finetune-job", i, "trainer"))
              : GpuSpec.unallocated(i));
    }
    for (int gpu = 6; gpu < 8; gpu++) {
      var instances = new ArrayList<MigInstance>();
      for (int k = 0; k < 7; k++) {
        Optional<PodRef> pod =
            k < 3
                ? Optional.of(pod(praxis, "embedding-small", gpu * 10 + k, "embedder"))
                : k < 5
                    ? Optional.of(pod(stadtwerke, "whisper-asr", gpu * 10 + k, "asr"))
                    : Optional.empty();
        // 1g.10gb instances on an H100 get GPU instance ids 7..13 (nvidia-smi mig -lgi).
        instances.add(new MigInstance("1g.10gb", 7 + k, 9984, pod));
      }
      node4.add(GpuSpec.mig(gpu, instances));
    }
    return new FleetSpec(
        seed,
        List.of(
            new GpuNodeSpec("gpu-node-01", 19401, H100, DRIVER, node1),
            new GpuNodeSpec("gpu-node-02", 19402, H100, DRIVER, node2),
            new GpuNodeSpec("gpu-node-03", 19403, H100, DRIVER, node3),
            new GpuNodeSpec("gpu-node-04", 19404, H100, DRIVER, node4)),
        List.of(
            new VllmServerSpec(18001, acme, "meta-llama/Llama-3.1-8B-Instruct", 4.0),
            new VllmServerSpec(18002, stadtwerke, "mistralai/Mistral-7B-Instruct-v0.3", 2.0),
            new VllmServerSpec(18003, hanse, "meta-llama/Llama-3.3-70B-Instruct", 3.0),
            new VllmServerSpec(18004, praxis, "Qwen/Qwen2.5-14B-Instruct", 1.5)),
        List.of(acme, stadtwerke, hanse, praxis));
  }

  /**
   * The same fleet on other ports: GPU nodes on {@code firstGpuPort, firstGpuPort+1, ...}, vLLM
   * servers on {@code firstVllmPort, ...}. A first port of 0 makes every server of that kind take
   * an ephemeral port, which is what parallel test runs need.
   */
  public FleetSpec withPorts(int firstGpuPort, int firstVllmPort) {
    requirePort(firstGpuPort, "firstGpuPort");
    requirePort(firstVllmPort, "firstVllmPort");
    var nodes = new ArrayList<GpuNodeSpec>();
    for (int i = 0; i < gpuNodes.size(); i++) {
      nodes.add(gpuNodes.get(i).withPort(firstGpuPort == 0 ? 0 : firstGpuPort + i));
    }
    var servers = new ArrayList<VllmServerSpec>();
    for (int i = 0; i < vllmServers.size(); i++) {
      servers.add(vllmServers.get(i).withPort(firstVllmPort == 0 ? 0 : firstVllmPort + i));
    }
    return new FleetSpec(seed, nodes, servers, tenants);
  }

  /** The same fleet with every server on an ephemeral port. */
  public FleetSpec withEphemeralPorts() {
    return withPorts(0, 0);
  }

  public FleetSpec withSeed(long newSeed) {
    return new FleetSpec(newSeed, gpuNodes, vllmServers, tenants);
  }

  private static PodRef pod(String namespace, String deployment, int replica, String container) {
    // Pod names look like a Deployment's: <deployment>-<replicaset hash>-<5 chars>.
    long bits =
        java.util.UUID.nameUUIDFromBytes(
                (namespace + "/" + deployment + "/" + replica)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .getLeastSignificantBits();
    String suffix = Long.toString(bits & Long.MAX_VALUE, 36);
    suffix = suffix.substring(suffix.length() - 5);
    return new PodRef(namespace, deployment + "-7d9f8c6b5-" + suffix, container);
  }

  static void requirePort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 0..65535 (0 = ephemeral), got " + port);
    }
  }

  private static void requireUniquePort(HashSet<Integer> used, int port) {
    if (port != 0 && !used.add(port)) {
      throw new IllegalArgumentException("port " + port + " is used by two servers");
    }
  }
}
