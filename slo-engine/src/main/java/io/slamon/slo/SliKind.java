package io.slamon.slo;

/** The built-in SLI kinds the engine evaluates. */
public enum SliKind {
  /** Share of inference requests that did not fail with a 5xx (vLLM's {@code http_requests_total}). */
  AVAILABILITY,
  /** Share of requests whose time to first token was at most the threshold (histogram bucket). */
  TTFT_UNDER,
  /** Share of requests whose end-to-end latency was at most the threshold (histogram bucket). */
  LATENCY_UNDER,
  /** Share of requests that did not fail, from any supported server's request counters ({@link InferenceSource}). */
  ERROR_RATE,
  /** Time slices in which every server's request queue stayed at or under the threshold (requests). */
  QUEUE_DEPTH_UNDER,
  /** Time slices in which every RAG index lagged its documents by at most the threshold (seconds). */
  RAG_FRESHNESS_UNDER,
  /** Time slices in which at least the reserved number of the tenant's GPUs reported healthy (DCGM). */
  GPU_CAPACITY,
  /** Time slices whose token consumption stayed at or under {@code factor} times the tenant's normal. */
  TOKEN_ANOMALY,
  /**
   * Minutes in which an infrastructure component (GPU nodes, control plane, object storage,
   * network) was up: every selected health series reported only 1s ({@link ComponentAvailability}).
   */
  COMPONENT_AVAILABILITY
}
