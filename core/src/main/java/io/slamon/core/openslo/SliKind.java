package io.slamon.core.openslo;

import io.slamon.core.config.ConfigEnum;
import java.util.Map;

/**
 * The built-in SLIs of metric source type {@code slamon}. Each kind lists its parameters and their
 * types; parameters without a default are required.
 */
public enum SliKind implements ConfigEnum {
  /** Ratio of requests not answered with a 5xx status. */
  AVAILABILITY(
      "availability",
      Map.of(
          "metric", Param.text("http_requests_total"),
          "handler", Param.optionalText(),
          "statusLabel", Param.text("status"),
          "badStatus", Param.regex("5.."))),
  /** Share of requests whose latency histogram observation is at or under {@code threshold}. */
  LATENCY_UNDER(
      "latency-under",
      Map.of(
          "metric", Param.requiredText(),
          "threshold", Param.requiredDuration(),
          "handler", Param.optionalText())),
  /** Share of requests whose time to first token is at or under {@code threshold}. */
  TTFT_UNDER(
      "ttft-under",
      Map.of(
          "metric", Param.text("vllm:time_to_first_token_seconds"),
          "threshold", Param.requiredDuration())),
  /** Ratio of requests that did not fail (status matching {@code errorStatus}). */
  ERROR_RATE(
      "error-rate",
      Map.of(
          "metric", Param.text("http_requests_total"),
          "statusLabel", Param.text("status"),
          "errorStatus", Param.regex("5..|429"))),
  /** Share of evaluation steps in which the request queue is at or under {@code threshold}. */
  QUEUE_DEPTH_UNDER(
      "queue-depth-under",
      Map.of(
          "metric", Param.text("vllm:num_requests_waiting"),
          "threshold", Param.requiredNumber())),
  /** Share of time the RAG index lags document updates by at most {@code threshold}. */
  RAG_FRESHNESS_UNDER(
      "rag-freshness-under",
      Map.of("threshold", Param.requiredDuration(), "index", Param.optionalText())),
  /** Share of critical-window time in which the reserved GPU capacity was available. */
  GPU_CAPACITY("gpu-capacity", Map.of("reservation", Param.optionalText())),
  /** Share of time token consumption stays under {@code factor} times its baseline. */
  TOKEN_ANOMALY(
      "token-anomaly",
      Map.of(
          "factor", Param.number("3"),
          "baseline", Param.duration("7d"),
          "model", Param.optionalText())),
  /**
   * Share of minutes in which an infrastructure {@link Component} was up (every selected series
   * reported only 1s); {@code selector} overrides the component's default series.
   */
  COMPONENT_AVAILABILITY(
      "component-availability",
      Map.of("component", new Param(Param.Type.COMPONENT, null, true), "selector", new Param(Param.Type.SELECTOR, null, false)));

  private final String configName;
  private final Map<String, Param> params;

  SliKind(String configName, Map<String, Param> params) {
    this.configName = configName;
    this.params = params;
  }

  @Override
  public String configName() {
    return configName;
  }

  /** Parameter name to its type and default. */
  public Map<String, Param> params() {
    return params;
  }

  /** A parameter's type; {@code dflt} null and {@code required} true means it must be given. */
  public record Param(Type type, String dflt, boolean required) {
    /** Parameter value types. */
    public enum Type {
      TEXT,
      DURATION,
      NUMBER,
      REGEX,
      /** One of the {@link Component} names. */
      COMPONENT,
      /** A {@link SeriesSelector} ({@code metric{label="value",...}}). */
      SELECTOR
    }

    static Param text(String dflt) {
      return new Param(Type.TEXT, dflt, false);
    }

    static Param optionalText() {
      return new Param(Type.TEXT, null, false);
    }

    static Param requiredText() {
      return new Param(Type.TEXT, null, true);
    }

    static Param requiredDuration() {
      return new Param(Type.DURATION, null, true);
    }

    static Param duration(String dflt) {
      return new Param(Type.DURATION, dflt, false);
    }

    static Param requiredNumber() {
      return new Param(Type.NUMBER, null, true);
    }

    static Param number(String dflt) {
      return new Param(Type.NUMBER, dflt, false);
    }

    static Param regex(String dflt) {
      return new Param(Type.REGEX, dflt, false);
    }
  }
}
