package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.SliKind;
import io.slamon.slo.AlertSeverity;
import io.slamon.slo.BurnRateAlerts;
import io.slamon.slo.BurnRateEvaluation;
import io.slamon.slo.BurnRatePolicy;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SlicedSeries;
import io.slamon.slo.TimeBasedSlis;
import io.slamon.slo.TimeSlices;
import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time-sliced kinds against Prometheus: the same queue gauges go to slamon's slice judgement
 * ({@link TimeBasedSlis#queueDepthUnder} over {@link SlicedSeries#maxPerSlice}, summed per burn-rate
 * window as {@code BuiltInSlis} does) and to {@code promtool test rules} with the generated rules; a
 * GPU capacity SLO without any DCGM report is short in every slice on both sides. Samples sit in the
 * middle of each minute: slamon's slices are {@code [start, end)}, a Prometheus range {@code (end −
 * 1m, end]}, so a sample exactly on a boundary would fall into neighbouring slices (documented).
 */
class TimeSliceAgreementIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final double OBJECTIVE = 0.99;
  private static final Duration PERIOD = Duration.ofDays(30);
  private static final Duration SLICE = Duration.ofMinutes(1);
  private static final int MINUTES = 8 * 60;
  private static final double THRESHOLD = 8;
  private static final List<Integer> EVAL_MINUTES = List.of(10, 25, 45, 75, 120, 200, 300, 380, 420);

  /** A tenant's queue per minute on vLLM and on TGI (NaN: that server reports nothing). */
  private record Scenario(String tenant, IntToDoubleFunction vllm, IntToDoubleFunction tgi) {
    RuleSlo slo() {
      return new RuleSlo(tenant, tenant + "-queue", tenant + "-chat", OBJECTIVE, PERIOD,
          new MetricSource(MetricSource.SLAMON, SliKind.QUEUE_DEPTH_UNDER, Map.of("threshold", "8")), THRESHOLD, SLICE,
          Map.of("threshold", "8"));
    }

    /** The minute rollups of one sample 30 s into every minute. */
    static RollupSeries minutes(IntToDoubleFunction perMinute) {
      List<Minute> p = new ArrayList<>();
      for (int m = 0; m < MINUTES; m++) {
        double v = perMinute.applyAsDouble(m);
        if (!Double.isNaN(v)) {
          p.add(new Minute(Instant.ofEpochSecond(m * 60L), 1, v, v, v, v, v, 0));
        }
      }
      return new RollupSeries("t", "queue", Map.of(), p);
    }

    /** promtool's notation at a 30 s interval: nothing on the minute, the value half a minute in. */
    static String values(IntToDoubleFunction perMinute) {
      StringBuilder b = new StringBuilder();
      for (int m = 0; m < MINUTES; m++) {
        double v = perMinute.applyAsDouble(m);
        b.append("_ ").append(Double.isNaN(v) ? "_" : String.format(Locale.ROOT, "%.0f", v)).append(' ');
      }
      return b.toString().trim();
    }
  }

  private static final List<Scenario> SCENARIOS = List.of(
      new Scenario("calm", m -> 2, m -> Double.NaN),
      // TGI's queue goes to 20 from 100 m on while vLLM's stays low: the largest queue of any server counts
      new Scenario("busy", m -> 1, m -> m < 100 ? 3 : 20),
      // every 10th minute over the threshold: 10 % bad slices, 10x the 1 % budget (page-6h and tickets)
      new Scenario("spiky", m -> m % 10 == 0 ? 20 : 4, m -> Double.NaN),
      // no samples for the first 3 hours (no data, not bad), then 5 % of slices bad: tickets only
      new Scenario("late", m -> m < 180 ? Double.NaN : m % 20 == 0 ? 9 : 8, m -> Double.NaN));
  private static final RuleSlo GPU = new RuleSlo("gpu", "gpu-capacity", "gpu-chat", OBJECTIVE, PERIOD,
      new MetricSource(MetricSource.SLAMON, SliKind.GPU_CAPACITY, Map.of()), 0, SLICE, Map.of("reservedGpus", "2"));

  private Path dir;

  @BeforeEach
  void promtool() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "SKIPPED: " + PROMTOOL + " missing (apt-get install prometheus; .ci/run does)");
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "timeslice");
  }

  /** slamon's burn-rate decision at {@code minute}: good slices / slices with data per window. */
  private static BurnRateEvaluation slamon(Scenario s, int minute) {
    return evaluate(minute, slices -> TimeBasedSlis.queueDepthUnder(
        SlicedSeries.maxPerSlice(RollupReader.perSlice(List.of(Scenario.minutes(s.vllm()), Scenario.minutes(s.tgi())),
            slices.from(), slices.length()), slices.count()), THRESHOLD));
  }

  private static BurnRateEvaluation evaluate(int minute, java.util.function.Function<TimeSlices, List<SliCounts>> judge) {
    BurnRateAlerts alerts = new BurnRateAlerts(BurnRatePolicy.defaults(), PERIOD);
    Instant now = Instant.ofEpochSecond(minute * 60L);
    Map<Duration, SliCounts> counts = new LinkedHashMap<>();
    for (Duration w : alerts.requiredWindows()) {
      counts.put(w, TimeBasedSlis.sum(judge.apply(new TimeSlices(now.minus(w), now, SLICE))));
    }
    return alerts.evaluate(OBJECTIVE, counts);
  }

  @Test
  void prometheusFiresTheQueueDepthAndGpuCapacityBurnAlertsSlamonDecides() throws Exception {
    List<RuleSlo> slos = new ArrayList<>(SCENARIOS.stream().map(Scenario::slo).toList());
    slos.add(GPU);
    Files.writeString(dir.resolve("rules.yml"), new PrometheusRules(BurnRatePolicy.defaults()).ruleFile(slos));
    List<Object> series = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      series.add(Map.of("series", "vllm:num_requests_waiting{tenant=\"" + s.tenant() + "\"}", "values", Scenario.values(s.vllm())));
      series.add(Map.of("series", "tgi_queue_size{tenant=\"" + s.tenant() + "\"}", "values", Scenario.values(s.tgi())));
    }
    List<Object> alertTests = new ArrayList<>();
    Map<String, Integer> decisions = new LinkedHashMap<>();
    for (int minute : EVAL_MINUTES) {
      List<Object> burning = new ArrayList<>();
      for (Scenario s : SCENARIOS) {
        expect(burning, decisions, s.slo(), slamon(s, minute));
      }
      // No DCGM report at all: every slice is short for slamon, and for Prometheus.
      expect(burning, decisions, GPU, evaluate(minute, slices -> TimeBasedSlis.gpuCapacity(Map.of(), Map.of(), 2, slices)));
      alertTests.add(Map.of("eval_time", minute + "m", "alertname", PrometheusRules.BURN_ALERT, "exp_alerts", burning));
    }
    assertThat(decisions).containsOnlyKeys("busy page", "busy ticket", "spiky page", "spiky ticket", "late ticket", "gpu page", "gpu ticket");

    Map<String, Object> test = new LinkedHashMap<>();
    test.put("rule_files", List.of("rules.yml"));
    test.put("evaluation_interval", "1m");
    test.put("tests", List.of(Map.of("interval", "30s", "input_series", series, "alert_rule_test", alertTests)));
    Files.writeString(dir.resolve("test.yml"), PrometheusRules.yaml(test));
    String output = run("test", "rules", "test.yml");
    assertThat(output).contains("SUCCESS");
  }

  @Test
  void promtoolAcceptsTheRulesOfEverySliKind() throws Exception {
    List<RuleSlo> slos = new ArrayList<>();
    for (SliKind kind : SliKind.values()) {
      Map<String, String> spec = switch (kind) {
        case LATENCY_UNDER -> Map.of("metric", "vllm:e2e_request_latency_seconds", "threshold", "2s");
        case TTFT_UNDER -> Map.of("threshold", "500ms");
        case QUEUE_DEPTH_UNDER -> Map.of("threshold", "8");
        case RAG_FRESHNESS_UNDER -> Map.of("threshold", "30m", "index", "kb");
        case TOKEN_ANOMALY -> Map.of("model", "llama");
        case COMPONENT_AVAILABILITY -> Map.of("component", "network");
        default -> Map.of();
      };
      Duration slice = kind == SliKind.TOKEN_ANOMALY ? Duration.ofHours(1) : SLICE;
      slos.add(new RuleSlo("acme", "acme-" + kind.configName(), "acme-chat", 0.999, PERIOD, new MetricSource(MetricSource.SLAMON, kind, spec),
          kind == SliKind.RAG_FRESHNESS_UNDER ? 1800 : kind == SliKind.QUEUE_DEPTH_UNDER ? 8 : 0, slice, Map.of("reservedGpus", "4")));
    }
    Files.writeString(dir.resolve("all.yml"), new PrometheusRules(BurnRatePolicy.defaults()).ruleFile(slos));
    assertThat(run("check", "rules", "all.yml")).contains("SUCCESS");
  }

  private static void expect(List<Object> burning, Map<String, Integer> decisions, RuleSlo slo, BurnRateEvaluation e) {
    for (AlertSeverity sev : AlertSeverity.values()) {
      if (e.firing().stream().anyMatch(c -> c.severity() == sev)) {
        String severity = sev.name().toLowerCase(Locale.ROOT);
        Map<String, String> labels = new LinkedHashMap<>(PrometheusRules.alertLabels(slo, severity));
        labels.put("alertname", PrometheusRules.BURN_ALERT);
        burning.add(Map.of("exp_labels", labels, "exp_annotations", PrometheusRules.burnAnnotations(slo, severity)));
        decisions.merge(slo.tenant() + " " + severity, 1, Integer::sum);
      }
    }
  }

  private String run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(PROMTOOL.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
    return output;
  }
}
