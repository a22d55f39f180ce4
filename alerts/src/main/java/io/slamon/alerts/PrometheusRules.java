package io.slamon.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.SliKind;
import io.slamon.slo.AlertSeverity;
import io.slamon.slo.BurnRateAlerts;
import io.slamon.slo.BurnRateCondition;
import io.slamon.slo.BurnRatePolicy;
import io.slamon.slo.InferenceSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Prometheus recording and alerting rules that compute what slamon computes, in Sloth's naming
 * ({@code slo:sli_error:ratio_rate5m} … with {@code sloth_id}, {@code sloth_service},
 * {@code sloth_slo} labels plus slamon's {@code tenant} and {@code slo}): the error ratio over every
 * burn-rate window, objective, error budget, remaining budget over the period, and the multiwindow
 * multi-burn-rate alerts of {@link BurnRatePolicy#defaults()} with the factors scaled to the SLO
 * period exactly as {@link BurnRateAlerts} scales them, so Prometheus and slamon fire together.
 * Series are selected by a {@code tenant} label.
 */
public final class PrometheusRules {
  /** Kinds with a PromQL mapping: all of them (time-sliced kinds via {@link TimeSliceRules}). */
  public static final List<SliKind> SUPPORTED = List.of(SliKind.values());
  static final String BURN_ALERT = "SloErrorBudgetBurn";
  static final String NO_DATA_ALERT = "SloNoData";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES).disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final BurnRatePolicy policy;

  public PrometheusRules(BurnRatePolicy policy) {
    this.policy = policy;
  }

  /** The rule file (YAML) for {@code slos}; SLOs of unsupported kinds must be filtered out by the caller. */
  public String ruleFile(List<RuleSlo> slos) {
    List<Object> groups = new ArrayList<>();
    for (RuleSlo slo : slos) {
      if (TimeSliceRules.isTimeSliced(slo.source().kind())) {
        // Evaluated once per slice: each evaluation judges the slice that ends then.
        List<Object> sliceRules = new ArrayList<>();
        TimeSliceRules.sliceRules(slo).forEach((record, expr) -> sliceRules.add(rule("record", record, expr, sloLabels(slo))));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", "slamon-slo-sli-slices-" + slo.name());
        g.put("interval", prom(slo.slice()));
        g.put("rules", sliceRules);
        groups.add(g);
      }
      groups.add(group("slamon-slo-sli-recordings-" + slo.name(), recordings(slo)));
      groups.add(group("slamon-slo-meta-recordings-" + slo.name(), meta(slo)));
      groups.add(group("slamon-slo-alerts-" + slo.name(), alerts(slo)));
    }
    return yaml(Map.of("groups", groups));
  }

  public static boolean supported(MetricSource source) {
    return MetricSource.SLAMON.equals(source.type()) && SUPPORTED.contains(source.kind());
  }

  /** The labels every series and alert of {@code slo} carries. */
  static Map<String, String> sloLabels(RuleSlo slo) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("sloth_id", slo.name());
    l.put("sloth_service", slo.service());
    l.put("sloth_slo", slo.name());
    l.put("slo", slo.name());
    l.put("tenant", slo.tenant());
    return l;
  }

  /** Every window the rules record: the policy's windows and the SLO period. */
  List<Duration> windows(RuleSlo slo) {
    TreeSet<Duration> w = new TreeSet<>(new BurnRateAlerts(policy, slo.period()).requiredWindows());
    return new ArrayList<>(w);
  }

  private List<Object> recordings(RuleSlo slo) {
    List<Object> rules = new ArrayList<>();
    for (Duration w : windows(slo)) {
      rules.add(rule("record", "slo:sli_error:ratio_rate" + prom(w), errorRatio(slo, prom(w)), sloLabels(slo)));
    }
    // The period's ratio as Sloth computes it: the mean of the 5 m ratios over the period.
    String period = prom(slo.period());
    rules.add(rule("record", "slo:sli_error:ratio_rate" + period,
        "sum_over_time(slo:sli_error:ratio_rate5m" + selector(slo) + "[" + period + "]) / count_over_time(slo:sli_error:ratio_rate5m"
            + selector(slo) + "[" + period + "])", sloLabels(slo)));
    return rules;
  }

  private List<Object> meta(RuleSlo slo) {
    String sel = selector(slo);
    String period = prom(slo.period());
    List<Object> rules = new ArrayList<>();
    rules.add(rule("record", "slo:objective:ratio", "vector(" + num(slo.objective()) + ")", sloLabels(slo)));
    rules.add(rule("record", "slo:error_budget:ratio", "vector(1 - " + num(slo.objective()) + ")", sloLabels(slo)));
    rules.add(rule("record", "slo:time_period:days", "vector(" + num(slo.period().toHours() / 24.0) + ")", sloLabels(slo)));
    rules.add(rule("record", "slo:current_burn_rate:ratio", "slo:sli_error:ratio_rate5m" + sel + " / on(sloth_id, sloth_slo, sloth_service, slo, tenant) group_left slo:error_budget:ratio" + sel, sloLabels(slo)));
    rules.add(rule("record", "slo:period_burn_rate:ratio", "slo:sli_error:ratio_rate" + period + sel + " / on(sloth_id, sloth_slo, sloth_service, slo, tenant) group_left slo:error_budget:ratio" + sel, sloLabels(slo)));
    rules.add(rule("record", "slo:period_error_budget_remaining:ratio", "1 - slo:period_burn_rate:ratio" + sel, sloLabels(slo)));
    return rules;
  }

  private List<Object> alerts(RuleSlo slo) {
    BurnRateAlerts scaling = new BurnRateAlerts(policy, slo.period());
    String sel = selector(slo);
    List<Object> rules = new ArrayList<>();
    for (AlertSeverity severity : AlertSeverity.values()) {
      List<String> alternatives = new ArrayList<>();
      for (BurnRateCondition c : policy.conditions()) {
        if (c.severity() != severity) {
          continue;
        }
        // slamon fires when both windows burn strictly faster than the factor: ratio > factor * (1 - objective).
        String threshold = "(" + num(scaling.scaledFactor(c)) + " * (1 - " + num(slo.objective()) + "))";
        alternatives.add("(slo:sli_error:ratio_rate" + prom(c.longWindow()) + sel + " > " + threshold
            + " and slo:sli_error:ratio_rate" + prom(c.shortWindow()) + sel + " > " + threshold + ")");
      }
      if (alternatives.isEmpty()) {
        continue;
      }
      String sev = severity.name().toLowerCase(Locale.ROOT);
      Map<String, Object> r = rule("alert", BURN_ALERT, String.join("\nor\n", alternatives), alertLabels(slo, sev));
      r.put("annotations", burnAnnotations(slo, sev));
      rules.add(r);
    }
    String noDataWindow = prom(policy.noDataWindow());
    String data = TimeSliceRules.isTimeSliced(slo.source().kind()) ? TimeSliceRules.slicesWithData(slo, noDataWindow) : totalRate(slo, noDataWindow);
    Map<String, Object> noData = rule("alert", NO_DATA_ALERT, "(" + data + " or vector(0)) <= 0", alertLabels(slo, "ticket"));
    noData.put("annotations", noDataAnnotations(slo));
    rules.add(noData);
    return rules;
  }

  static Map<String, String> alertLabels(RuleSlo slo, String severity) {
    Map<String, String> l = new LinkedHashMap<>(sloLabels(slo));
    l.put("severity", severity);
    l.put("component", "slo");
    return l;
  }

  /** Static on purpose (no {@code $value}): the same alert keeps the same annotations, and tests can name them. */
  static Map<String, String> burnAnnotations(RuleSlo slo, String severity) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("summary", slo.name() + " (" + slo.tenant() + ") burns its error budget too fast (" + severity + ")");
    a.put("description", "The error ratio of " + slo.name() + " exceeds the multiwindow burn-rate threshold for "
        + severity + " (objective " + num(slo.objective()) + " over " + prom(slo.period()) + ").");
    return a;
  }

  static Map<String, String> noDataAnnotations(RuleSlo slo) {
    return Map.of("summary", slo.name() + " (" + slo.tenant() + ") has no data",
        "description", "No requests counted for " + slo.name() + " in the last " + prom(BurnRatePolicy.defaults().noDataWindow())
            + ": the burn-rate alerts are blind.");
  }

  static String selector(RuleSlo slo) {
    return "{sloth_id=" + quote(slo.name()) + "}";
  }

  /** The error ratio over {@code w} for the SLI kind. */
  String errorRatio(RuleSlo slo, String w) {
    MetricSource s = slo.source();
    return switch (s.kind()) {
      case ERROR_RATE -> errorRateRatio(slo, w);
      case QUEUE_DEPTH_UNDER, RAG_FRESHNESS_UNDER, GPU_CAPACITY, TOKEN_ANOMALY, COMPONENT_AVAILABILITY -> TimeSliceRules.errorRatio(slo, w);
      case AVAILABILITY -> {
        String bad = param(s, "badStatus");
        String m = param(s, "metric");
        yield "sum(rate(" + m + matchers(slo, param(s, "statusLabel") + "=~" + quote(bad)) + "[" + w + "])) / "
            + "sum(rate(" + m + matchers(slo, null) + "[" + w + "]))";
      }
      case LATENCY_UNDER, TTFT_UNDER -> {
        String m = param(s, "metric");
        yield "1 - (sum(rate(" + m + "_bucket" + matchers(slo, "le=~" + quote(le(s.durationParam("threshold").orElseThrow()))) + "[" + w + "])) / "
            + "sum(rate(" + m + "_count" + matchers(slo, null) + "[" + w + "])))";
      }
    };
  }

  /**
   * Error rate over every supported server at once, as the engine reads it ({@code BuiltInSlis}):
   * failures are vLLM's requests with a matching status, TGI's and Triton's failure counters and
   * OTLP GenAI requests with an {@code error_type}; requests are vLLM's, TGI's, Triton's success plus
   * failure, SGLang's and OTLP GenAI's. Absent families count 0.
   */
  private String errorRateRatio(RuleSlo slo, String w) {
    MetricSource s = slo.source();
    String vllm = param(s, "metric");
    List<String> failureFamilies = InferenceSource.ALL.stream().map(InferenceSource::failures).filter(f -> f != null).toList();
    String errors = "(sum(rate(" + vllm + matchers(slo, param(s, "statusLabel") + "=~" + quote(param(s, "errorStatus"))) + "[" + w + "])) or vector(0))"
        + " + (sum(" + TimeSliceRules.each("rate", failureFamilies, slo, List.of(), w) + ") or vector(0))"
        + " + (sum(rate(" + InferenceSource.OTLP_GENAI.requests() + matchers(slo, "error_type!=\"\"") + "[" + w + "])) or vector(0))";
    return "(" + errors + ") / " + totalRate(slo, w);
  }

  private String totalRate(RuleSlo slo, String w) {
    MetricSource s = slo.source();
    if (s.kind() == SliKind.ERROR_RATE) {
      List<String> requests = new ArrayList<>();
      for (InferenceSource src : InferenceSource.ALL) {
        requests.add(src == InferenceSource.VLLM ? param(s, "metric") : src.requests());
        if (src.successes() != null) {
          requests.add(src.successes());
          requests.add(src.failures());
        }
      }
      return "sum(" + TimeSliceRules.each("rate", requests, slo, List.of(), w) + ")";
    }
    String m = param(s, "metric") + (s.kind() == SliKind.LATENCY_UNDER || s.kind() == SliKind.TTFT_UNDER ? "_count" : "");
    return "sum(rate(" + m + matchers(slo, null) + "[" + w + "]))";
  }

  private static String matchers(RuleSlo slo, String extra) {
    List<String> m = new ArrayList<>();
    m.add("tenant=" + quote(slo.tenant()));
    Optional<String> handler = slo.source().param("handler");
    handler.ifPresent(h -> m.add("handler=" + quote(h)));
    if (extra != null) {
      m.add(extra);
    }
    return "{" + String.join(",", m) + "}";
  }

  /** A parameter with its kind's default. */
  static String param(MetricSource s, String name) {
    return s.param(name).orElseGet(() -> {
      SliKind.Param p = s.kind().params().get(name);
      if (p == null || p.dflt() == null) {
        throw new IllegalArgumentException("SLI kind " + s.kind().configName() + " needs parameter " + name);
      }
      return p.dflt();
    });
  }

  /**
   * The {@code le} matcher for a threshold: the bucket boundary as Go writes it ("0.5", "1") and, for
   * whole numbers, as Python clients write it ("1.0"), since Prometheus 2 stores the label as exposed.
   */
  static String le(Duration threshold) {
    double seconds = threshold.toNanos() / 1e9;
    String go = num(seconds);
    String re = go.replace(".", "\\.");
    return seconds == Math.rint(seconds) ? re + "|" + re + "\\.0" : re;
  }

  /** A PromQL duration: the largest unit that divides it (5m, 1h, 3d). */
  static String prom(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A PromQL string literal. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, Object> group(String name, List<Object> rules) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("name", name);
    g.put("rules", rules);
    return g;
  }

  private static Map<String, Object> rule(String kind, String name, String expr, Map<String, String> labels) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(kind, name);
    // A trailing newline makes every expression a YAML literal block: PromQL quotes stay unescaped.
    r.put("expr", expr + "\n");
    r.put("labels", labels);
    return r;
  }

  static String yaml(Object tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render YAML: " + e.getMessage(), e);
    }
  }
}
