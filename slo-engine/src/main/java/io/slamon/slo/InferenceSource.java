package io.slamon.slo;

import java.util.List;

/**
 * Where each built-in SLI finds its data on every supported inference server, under the names the
 * collector stores them (Prometheus exposition names; OTLP GenAI metrics as translated to
 * Prometheus names). {@code null} means the server does not expose that signal. The table is in
 * docs/slo-engine.md ("Source mapping").
 *
 * @param requests counter family of all requests (vLLM: one family split by {@code status})
 * @param failures counter family of failed requests, or null when failures are a label of {@code
 *     requests} (vLLM: {@code status}; OTLP: presence of {@code error_type}) or a separate success
 *     family
 * @param successes counter family of successful requests when total = successes + failures (Triton)
 * @param ttft time-to-first-token histogram family (without {@code _bucket})
 * @param ttftUnit seconds per unit of the TTFT histogram's {@code le} (0.001 for milliseconds)
 * @param e2e end-to-end request latency histogram family
 * @param queue gauge of requests waiting
 * @param tokenCounters counter families whose increase is tokens consumed (input + output)
 */
public record InferenceSource(
    String name,
    String requests,
    String failures,
    String successes,
    String ttft,
    double ttftUnit,
    String e2e,
    String queue,
    List<String> tokenCounters) {
  public InferenceSource {
    tokenCounters = List.copyOf(tokenCounters);
  }

  public static final InferenceSource VLLM = new InferenceSource("vLLM", "http_requests_total", null, null,
      "vllm:time_to_first_token_seconds", 1, "vllm:e2e_request_latency_seconds", "vllm:num_requests_waiting",
      List.of("vllm:prompt_tokens_total", "vllm:generation_tokens_total"));
  /** TGI counters carry no {@code _total}; token counts are the sums of its token histograms. */
  public static final InferenceSource TGI = new InferenceSource("TGI", "tgi_request_count", "tgi_request_failure", null,
      null, 1, "tgi_request_duration", "tgi_queue_size",
      List.of("tgi_request_input_length_sum", "tgi_request_generated_tokens_sum"));
  /** Triton's first-response histogram is opt-in ({@code --metrics-config histogram_latencies=true}) and in ms. */
  public static final InferenceSource TRITON = new InferenceSource("Triton", null, "nv_inference_request_failure",
      "nv_inference_request_success", "nv_inference_first_response_histogram_ms", 0.001, null,
      "nv_inference_pending_request_count", List.of());
  /** SGLang (up to 0.5.3, {@code sglang:} prefix) exposes no failure counter; completed requests are the e2e histogram's count. */
  public static final InferenceSource SGLANG = new InferenceSource("SGLang", "sglang:e2e_request_latency_seconds_count", null, null,
      "sglang:time_to_first_token_seconds", 1, "sglang:e2e_request_latency_seconds", "sglang:num_queue_reqs",
      List.of("sglang:prompt_tokens_total", "sglang:generation_tokens_total"));
  /** OTLP GenAI semantic conventions as stored by the collector; a failed request carries {@code error_type}. */
  public static final InferenceSource OTLP_GENAI = new InferenceSource("OTLP GenAI", "gen_ai_server_request_duration_seconds_count",
      null, null, "gen_ai_server_time_to_first_token_seconds", 1, "gen_ai_server_request_duration_seconds", null, List.of());

  /** Every supported source, in the order the docs list them. */
  public static final List<InferenceSource> ALL = List.of(VLLM, TGI, TRITON, SGLANG, OTLP_GENAI);
}
