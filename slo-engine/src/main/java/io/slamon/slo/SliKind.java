package io.slamon.slo;

/** The built-in SLI kinds the engine can evaluate today. */
public enum SliKind {
  /** Share of inference requests that did not fail with a 5xx (vLLM's {@code http_requests_total}). */
  AVAILABILITY,
  /** Share of requests whose time to first token was at most the threshold (histogram bucket). */
  TTFT_UNDER,
  /** Share of requests whose end-to-end latency was at most the threshold (histogram bucket). */
  LATENCY_UNDER
}
