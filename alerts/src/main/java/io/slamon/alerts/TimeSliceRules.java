package io.slamon.alerts;

import static io.slamon.alerts.PrometheusRules.num;
import static io.slamon.alerts.PrometheusRules.prom;
import static io.slamon.alerts.PrometheusRules.quote;

import io.slamon.core.openslo.SliKind;
import io.slamon.slo.InferenceSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PromQL for slamon's time-based SLI kinds (queue depth, RAG freshness, GPU capacity, token
 * anomaly), which the engine judges per time slice ({@code BuiltInSlis}, {@code TimeBasedSlis}): a
 * slice is good (1), bad (0) or without data (no sample). {@link #goodSlice} is that judgement as an
 * instant expression over the slice ending at the evaluation time, recorded as {@value #GOOD_SLICE}
 * by a group evaluated once per slice; {@code avg_over_time(good[w−1s])} is then good slices / slices
 * with data over {@code w}, the engine's ratio, and {@code 1 −} that is the error ratio the
 * Sloth-style rules record. (Recording the slices, rather than a subquery per window, keeps a 3-day
 * window cheap: a subquery would re-evaluate 4 320 slices every minute.) Metric names are the engine's ({@link InferenceSource}): every supported server's
 * family at once ({@link #each}).
 */
final class TimeSliceRules {
  static final String RAG_GAUGE = "rag_index_freshness_seconds";
  static final String DCGM_PRESENCE = "DCGM_FI_DEV_GPU_UTIL";
  static final String DCGM_XID = "DCGM_FI_DEV_XID_ERRORS";
  /** The labels that identify one GPU (or MIG instance), as the engine groups DCGM series. */
  static final String GPU_IDENTITY = "UUID, Hostname, gpu, GPU_I_ID";

  /** Metric names hold no regex metacharacter, so a name is its own regex. */
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private TimeSliceRules() {}

  static boolean isTimeSliced(SliKind kind) {
    return kind == SliKind.QUEUE_DEPTH_UNDER || kind == SliKind.RAG_FRESHNESS_UNDER || kind == SliKind.GPU_CAPACITY
        || kind == SliKind.TOKEN_ANOMALY || kind == SliKind.COMPONENT_AVAILABILITY;
  }

  /** The recorded judgement of each slice: 1 good, 0 bad, no sample without data. */
  static final String GOOD_SLICE = "slo:sli_good_slice:bool";
  /** Token anomaly: the tokens consumed in each slice. */
  static final String TOKENS = "slo:sli_tokens:increase";

  /**
   * The rules of the slice group, which Prometheus must evaluate once per slice (the group's
   * {@code interval}): record name to expression, in order.
   */
  static Map<String, String> sliceRules(RuleSlo slo) {
    Map<String, String> rules = new LinkedHashMap<>();
    if (slo.source().kind() == SliKind.TOKEN_ANOMALY) {
      List<String> m = param(slo, "model").map(p -> List.of("model_name=" + quote(p))).orElse(List.of());
      List<String> families = InferenceSource.ALL.stream().flatMap(src -> src.tokenCounters().stream()).toList();
      rules.put(TOKENS, "sum(" + each("increase", families, slo, m, prom(slo.slice())) + ")");
    }
    rules.put(GOOD_SLICE, goodSlice(slo));
    return rules;
  }

  /** The error ratio over {@code w}: 1 − good slices / slices with data. */
  static String errorRatio(RuleSlo slo, String w) {
    return "1 - avg_over_time(" + GOOD_SLICE + PrometheusRules.selector(slo) + "[" + slices(w) + "])";
  }

  /** The number of slices with data over {@code w} (the no-data alert fires when it is 0). */
  static String slicesWithData(RuleSlo slo, String w) {
    return "count_over_time(" + GOOD_SLICE + PrometheusRules.selector(slo) + "[" + slices(w) + "])";
  }

  /**
   * The range that holds the slices of window {@code w}: one second short of it, so it holds exactly
   * the {@code w / slice} recorded slices ending in {@code (now − w, now]}, as the engine cuts the
   * window, whether the Prometheus version's ranges are closed (2.x) or left-open (3.x).
   */
  static String slices(String w) {
    return prom(io.slamon.core.Durations.parse(w).minusSeconds(1));
  }

  /** 1 when the slice ending now is good, 0 when bad, nothing when it has no data. */
  static String goodSlice(RuleSlo slo) {
    String slice = prom(slo.slice());
    return switch (slo.source().kind()) {
      case QUEUE_DEPTH_UNDER -> {
        // The largest queue any server sampled in the slice; the vLLM family may be overridden by `metric`.
        List<String> families = new ArrayList<>();
        for (InferenceSource src : InferenceSource.ALL) {
          String f = src == InferenceSource.VLLM ? param(slo, "metric").orElse(src.queue()) : src.queue();
          if (f != null) {
            families.add(f);
          }
        }
        yield "max(" + each("max_over_time", families, slo, List.of(), slice) + ") <= bool " + num(threshold(slo));
      }
      case RAG_FRESHNESS_UNDER -> {
        // Per index the largest lag in the slice, or else the last one at most staleAfter before it.
        String gauge = param(slo, "metric").orElse(RAG_GAUGE);
        List<String> m = param(slo, "index").map(i -> List.of("index=" + quote(i))).orElse(List.of());
        String sel = selector(gauge, slo, m);
        Duration stale = param(slo, "staleAfter").map(io.slamon.core.Durations::parse).orElse(Duration.ofMinutes(15));
        yield "max(max by (index) (max_over_time(" + sel + "[" + slice + "])) or max by (index) (last_over_time(" + sel + "["
            + prom(slo.slice().plus(stale)) + "]))) <= bool " + num(threshold(slo));
      }
      case GPU_CAPACITY -> {
        int reserved = (int) Double.parseDouble(param(slo, "reservedGpus").orElseThrow(() ->
            new IllegalArgumentException("SLO " + slo.name() + ": gpu-capacity needs the reserved GPUs (reservedGpus)")));
        if (reserved < 1) {
          throw new IllegalArgumentException("SLO " + slo.name() + ": reservedGpus must be at least 1, was " + reserved);
        }
        List<String> m = param(slo, "migProfile").map(p -> List.of("GPU_I_PROFILE=" + quote(p))).orElse(List.of());
        // GPUs that reported in the slice and showed no XID error in it; a slice without reports counts 0 (short).
        yield "(count(max by (" + GPU_IDENTITY + ") (present_over_time(" + selector(DCGM_PRESENCE, slo, m) + "[" + slice + "])) unless on(" + GPU_IDENTITY
            + ") (max_over_time(" + selector(DCGM_XID, slo, m) + "[" + slice + "]) > 0)) or vector(0)) >= bool " + reserved;
      }
      case TOKEN_ANOMALY -> {
        double factor = param(slo, "factor").map(Double::parseDouble).orElse(3.0);
        Duration baseline = param(slo, "baseline").map(io.slamon.core.Durations::parse).orElse(Duration.ofDays(7));
        long baselineSlices = Math.max(1, baseline.toMillis() / slo.slice().toMillis());
        String tokens = TOKENS + PrometheusRules.selector(slo);
        // The normal: the median of the recorded slices of the baseline before this one (quantile 0.5
        // averages the two middle ones, as the engine's median does).
        String normal = "quantile_over_time(0.5, " + tokens + "[" + slices(prom(slo.slice().multipliedBy(baselineSlices)))
            + "] offset " + slice + ")";
        yield "(" + tokens + " <= bool " + num(factor) + " * " + normal + ") and on() (" + normal + " > 0)";
      }
      case COMPONENT_AVAILABILITY -> {
        // Up when every selected health series (the tenant's and the provider's, which carry no
        // tenant label) reported only 1s in the slice; with the default one-minute slices the
        // average over a window is the engine's share of up minutes.
        String name = param(slo, "component").orElse("");
        io.slamon.core.openslo.Component c = io.slamon.core.openslo.Component.of(name);
        io.slamon.core.openslo.SeriesSelector sel = param(slo, "selector").map(io.slamon.core.openslo.SeriesSelector::parse)
            .orElseGet(() -> {
              if (c == null) {
                throw new IllegalArgumentException("SLO " + slo.name() + ": component-availability needs a component ("
                    + io.slamon.core.openslo.Component.names() + ") or a selector");
              }
              return c.defaultSelector();
            });
        List<String> m = new ArrayList<>();
        sel.labels().forEach((k, v) -> m.add(k + "=" + quote(v)));
        m.add("tenant=~" + quote(slo.tenant() + "|")); // tenant ids are [a-z0-9-]: no regex metacharacters
        yield "min(min_over_time(" + sel.metric() + "{" + String.join(",", m) + "}[" + slice + "])) >= bool 1";
      }
      default -> throw new IllegalArgumentException("SLI kind " + slo.source().kind().configName() + " is not time-sliced");
    };
  }

  /** The engine's parameter, else the source's, else the kind's default. */
  static Optional<String> param(RuleSlo slo, String name) {
    String engine = slo.params().get(name);
    if (engine != null) {
      return Optional.of(engine);
    }
    return slo.source().param(name).or(() -> {
      SliKind.Param p = slo.source().kind().params().get(name);
      return Optional.ofNullable(p == null ? null : p.dflt());
    });
  }

  private static double threshold(RuleSlo slo) {
    if (slo.threshold() > 0) {
      return slo.threshold();
    }
    String t = param(slo, "threshold").orElseThrow(() -> new IllegalArgumentException("SLO " + slo.name() + " needs a threshold"));
    return slo.source().kind() == SliKind.RAG_FRESHNESS_UNDER ? io.slamon.core.Durations.parse(t).toNanos() / 1e9 : Double.parseDouble(t);
  }

  static String selector(String family, RuleSlo slo, List<String> extra) {
    List<String> m = new ArrayList<>();
    m.add("tenant=" + quote(slo.tenant()));
    m.addAll(extra);
    return family + "{" + String.join(",", m) + "}";
  }

  /**
   * {@code fn(family{tenant, extra}[range])} of every family, as one vector: {@code fn} drops the
   * metric name, so two families with the same other labels would collide ("vector cannot contain
   * metrics with the same labelset"); each result is tagged with its family in {@code slamon_family}
   * and the tagged vectors are joined with {@code or}. Empty when no family has data.
   */
  static String each(String fn, List<String> families, RuleSlo slo, List<String> extra, String range) {
    List<String> names = families.stream().filter(Objects::nonNull).distinct().toList();
    List<String> terms = new ArrayList<>();
    for (String n : names) {
      if (!METRIC_NAME.matcher(n).matches()) {
        throw new IllegalArgumentException("SLO " + slo.name() + ": " + n + " is not a Prometheus metric name");
      }
      terms.add("label_replace(" + fn + "(" + selector(n, slo, extra) + "[" + range + "]), \"slamon_family\", " + quote(n) + ", \"\", \"\")");
    }
    return terms.size() == 1 ? fn + "(" + selector(names.get(0), slo, extra) + "[" + range + "])" : "(" + String.join(" or ", terms) + ")";
  }

}
