package io.slamon.simulator.internal;

/**
 * Renders a vLLM server's {@code /metrics} as prometheus_client's text format 0.0.4 does: counters
 * named {@code *_total} with a separate {@code *_created} gauge family, labels sorted by name,
 * histogram samples {@code _bucket}, {@code _count}, {@code _sum}, {@code _created}. Metric names,
 * help texts and buckets follow vLLM v1 (vllm/v1/metrics/loggers.py) with labels {@code
 * model_name} and {@code engine}; {@code http_requests_total} follows
 * prometheus-fastapi-instrumentator, which vLLM's OpenAI server mounts.
 */
final class VllmText {
  private VllmText() {}

  static String render(VllmState s) {
    var out = new StringBuilder(16 * 1024);
    String created = PyFloat.format(s.created.toEpochMilli() / 1000.0);
    String labels = "engine=\"0\",model_name=\"" + escape(s.spec.modelName()) + "\"";

    String http = "http_requests";
    header(out, http + "_total", "Total number of requests by method, status and handler.",
        "counter");
    String[] statuses = {"2xx", "4xx", "5xx"};
    long[] counts = {s.http2xx, s.http4xx, s.http5xx};
    for (int i = 0; i < statuses.length; i++) {
      out.append(http).append("_total").append(httpLabels(statuses[i])).append(' ')
          .append(PyFloat.format(counts[i])).append('\n');
    }
    header(out, http + "_created", "Total number of requests by method, status and handler.",
        "gauge");
    for (String status : statuses) {
      out.append(http).append("_created").append(httpLabels(status)).append(' ')
          .append(created).append('\n');
    }

    gauge(out, "vllm:num_requests_running", "Number of requests in model execution batches.",
        labels, s.running);
    gauge(out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", labels,
        s.waiting);
    // vLLM's own help text lacks the space before DEPRECATED; reproduced as served.
    gauge(out, "vllm:gpu_cache_usage_perc",
        "GPU KV-cache usage. 1 means 100 percent usage.DEPRECATED: Use vllm:kv_cache_usage_perc"
            + " instead.", labels, s.kvCacheUsage);
    gauge(out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", labels,
        s.kvCacheUsage);
    counter(out, "vllm:prompt_tokens", "Number of prefill tokens processed.", labels,
        s.promptTokens, created);
    counter(out, "vllm:generation_tokens", "Number of generation tokens processed.", labels,
        s.generationTokens, created);

    String success = "vllm:request_success";
    String successHelp = "Count of successfully processed requests.";
    header(out, success + "_total", successHelp, "counter");
    for (int i = 0; i < VllmState.FINISH_REASONS.length; i++) {
      out.append(success).append("_total{").append(reasonLabels(s, i)).append("} ")
          .append(PyFloat.format(s.success[i])).append('\n');
    }
    header(out, success + "_created", successHelp, "gauge");
    for (int i = 0; i < VllmState.FINISH_REASONS.length; i++) {
      out.append(success).append("_created{").append(reasonLabels(s, i)).append("} ")
          .append(created).append('\n');
    }

    histogram(out, "vllm:time_to_first_token_seconds",
        "Histogram of time to first token in seconds.", s, s.ttft, created);
    histogram(out, "vllm:e2e_request_latency_seconds",
        "Histogram of e2e request latency in seconds.", s, s.e2e, created);
    return out.toString();
  }

  private static String httpLabels(String status) {
    return "{handler=\"/v1/chat/completions\",method=\"POST\",status=\"" + status + "\"}";
  }

  private static String reasonLabels(VllmState s, int i) {
    return "engine=\"0\",finished_reason=\"" + VllmState.FINISH_REASONS[i]
        + "\",model_name=\"" + escape(s.spec.modelName()) + "\"";
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\")
        .replace("\n", "\\n")).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void gauge(
      StringBuilder out, String name, String help, String labels, double value) {
    header(out, name, help, "gauge");
    out.append(name).append('{').append(labels).append("} ").append(PyFloat.format(value))
        .append('\n');
  }

  private static void counter(
      StringBuilder out, String name, String help, String labels, long value, String created) {
    header(out, name + "_total", help, "counter");
    out.append(name).append("_total{").append(labels).append("} ")
        .append(PyFloat.format(value)).append('\n');
    header(out, name + "_created", help, "gauge");
    out.append(name).append("_created{").append(labels).append("} ").append(created)
        .append('\n');
  }

  private static void histogram(
      StringBuilder out, String name, String help, VllmState s, VllmState.Histogram h,
      String created) {
    header(out, name, help, "histogram");
    String model = escape(s.spec.modelName());
    long cumulative = 0;
    for (int i = 0; i < h.bounds.length; i++) {
      cumulative += h.counts[i];
      bucket(out, name, PyFloat.format(h.bounds[i]), model, cumulative);
    }
    bucket(out, name, "+Inf", model, h.count);
    String labels = "{engine=\"0\",model_name=\"" + model + "\"}";
    out.append(name).append("_count").append(labels).append(' ')
        .append(PyFloat.format(h.count)).append('\n');
    out.append(name).append("_sum").append(labels).append(' ')
        .append(PyFloat.format(h.sum)).append('\n');
    header(out, name + "_created", help, "gauge");
    out.append(name).append("_created").append(labels).append(' ').append(created).append('\n');
  }

  private static void bucket(
      StringBuilder out, String name, String le, String model, long cumulative) {
    out.append(name).append("_bucket{engine=\"0\",le=\"").append(le)
        .append("\",model_name=\"").append(model).append("\"} ")
        .append(PyFloat.format(cumulative)).append('\n');
  }

  /** prometheus_client escapes label values (unlike dcgm-exporter). */
  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
  }
}
