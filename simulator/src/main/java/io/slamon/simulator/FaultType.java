package io.slamon.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The faults the simulator can inject; {@link #wireName()} is the name the control API uses. */
public enum FaultType {
  /** A GPU (target {@code gpu-node-01/0}, or a whole node) reports XID error 79. */
  GPU_XID("gpu-xid", TargetKind.GPU),
  /** The GPU's series vanish from its node's /metrics. */
  GPU_LOST("gpu-lost", TargetKind.GPU),
  /** TTFT and e2e latency of a vLLM server (target: tenant or model) shift into slow buckets. */
  LATENCY_SPIKE("latency-spike", TargetKind.VLLM),
  /** {@code vllm:num_requests_waiting} grows every second. */
  QUEUE_BUILDUP("queue-buildup", TargetKind.VLLM),
  /** The vLLM server answers 503 to scrapes and all its requests end as 5xx. */
  ENDPOINT_DOWN("endpoint-down", TargetKind.VLLM),
  /** The tenant's backups fail ({@code backup.failed} instead of {@code backup.completed}). */
  MISSED_BACKUP("missed-backup", TargetKind.TENANT),
  /** The tenant's RAG index stops syncing, so {@code rag_index.freshness} lag grows. */
  STALE_INDEX("stale-index", TargetKind.TENANT);

  /** What a fault's target names. */
  public enum TargetKind {
    /** {@code <hostname>/<gpu index>} or a bare hostname (all its GPUs). */
    GPU,
    /** A tenant or a served model name. */
    VLLM,
    /** A tenant. */
    TENANT
  }

  private final String wireName;
  private final TargetKind targetKind;

  FaultType(String wireName, TargetKind targetKind) {
    this.wireName = wireName;
    this.targetKind = targetKind;
  }

  public String wireName() {
    return wireName;
  }

  public TargetKind targetKind() {
    return targetKind;
  }

  /** Parses a wire name such as {@code gpu-xid}; the message lists the valid names. */
  public static FaultType fromWireName(String name) {
    for (FaultType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault type '" + name + "'; valid types: " + validNames());
  }

  static String validNames() {
    return Arrays.stream(values()).map(FaultType::wireName).collect(Collectors.joining(", "));
  }
}
