package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.SliKind;
import io.slamon.slo.AlertSeverity;
import io.slamon.slo.BurnRateAlerts;
import io.slamon.slo.BurnRateEvaluation;
import io.slamon.slo.BurnRatePolicy;
import io.slamon.slo.CounterMath;
import io.slamon.slo.SliCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The same synthetic request counters go to slamon's burn-rate evaluation ({@link BurnRateAlerts}
 * over reset-aware counter increases, as {@code BurnRateMonitor} does) and to Prometheus' rule
 * engine ({@code promtool test rules} evaluating the generated rules). The test writes slamon's
 * decisions as the expected alerts; promtool fails unless Prometheus fires exactly those.
 */
class RulesAgreementIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final double OBJECTIVE = 0.999;
  private static final Duration PERIOD = Duration.ofDays(30);
  private static final int MINUTES = 8 * 60;
  /** Away from the minutes where a scenario changes, where window edges could legitimately differ. */
  private static final List<Integer> EVAL_MINUTES = List.of(10, 25, 45, 75, 120, 200, 300, 380, 420);

  /** A tenant whose requests per minute (good, bad) follow a shape. */
  private record Scenario(String tenant, IntToDoubleFunction goodPerMinute, IntToDoubleFunction badPerMinute) {
    RuleSlo slo() {
      return new RuleSlo(tenant, tenant + "-availability", tenant + "-chat", OBJECTIVE, PERIOD,
          new MetricSource(MetricSource.SLAMON, SliKind.AVAILABILITY, Map.of()));
    }

    /** Cumulative counter values at minutes 0..MINUTES (the counter starts at 0). */
    List<Double> cumulative(IntToDoubleFunction perMinute) {
      List<Double> v = new ArrayList<>();
      double sum = 0;
      for (int m = 0; m <= MINUTES; m++) {
        v.add(sum);
        sum += perMinute.applyAsDouble(m);
      }
      return v;
    }
  }

  private static final List<Scenario> SCENARIOS = List.of(
      // 2 % errors: 20x the 0.1 % budget, above page (14.4x) and ticket thresholds
      new Scenario("fast", m -> 980, m -> 20),
      // 0.5 % errors: 5x, above ticket (3x over 1 d and 2 h) but below page (6x over 6 h)
      new Scenario("slow", m -> 995, m -> 5),
      new Scenario("calm", m -> 1000, m -> 0),
      // 5 % errors for the first 30 minutes, then none: pages while it lasts and until the 30 m window is clean
      new Scenario("spike", m -> m < 30 ? 950 : 1000, m -> m < 30 ? 50 : 0),
      // 0.8 % errors from 2 h on: page-6h (0.6 %) fires once both 6 h and 30 m windows are above it
      new Scenario("late", m -> m < 120 ? 1000 : 992, m -> m < 120 ? 0 : 8),
      // 2 % errors from 5 h on: at 380 m only page-1h holds (the 6 h window averages 4.4x)
      new Scenario("burst", m -> m < 300 ? 1000 : 980, m -> m < 300 ? 0 : 20));
  /** A tenant with an SLO but no requests at all: no data. */
  private static final RuleSlo SILENT = new RuleSlo("silent", "silent-availability", "silent-chat", OBJECTIVE, PERIOD,
      new MetricSource(MetricSource.SLAMON, SliKind.AVAILABILITY, Map.of()));

  /** slamon's decision for a scenario at {@code minute}, from the counter samples in each window. */
  private static BurnRateEvaluation slamon(Scenario s, int minute) {
    BurnRateAlerts alerts = new BurnRateAlerts(BurnRatePolicy.defaults(), PERIOD);
    List<Double> good = s.cumulative(s.goodPerMinute());
    List<Double> bad = s.cumulative(s.badPerMinute());
    Map<Duration, SliCounts> counts = new LinkedHashMap<>();
    for (Duration w : alerts.requiredWindows()) {
      int from = (int) Math.max(0, minute - w.toMinutes());
      double g = CounterMath.increase(good.subList(from, minute + 1));
      double b = CounterMath.increase(bad.subList(from, minute + 1));
      counts.put(w, new SliCounts(g, g + b));
    }
    return alerts.evaluate(OBJECTIVE, counts);
  }

  private static String values(List<Double> v) {
    return v.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).collect(Collectors.joining(" "));
  }

  @Test
  void prometheusFiresTheBurnRateAndNoDataAlertsSlamonDecidesAtEveryEvaluationTime() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "SKIPPED: " + PROMTOOL + " missing (apt-get install prometheus; .ci/run does)");
    List<RuleSlo> slos = new ArrayList<>(SCENARIOS.stream().map(Scenario::slo).toList());
    slos.add(SILENT);
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "agreement");
    Files.writeString(dir.resolve("rules.yml"), new PrometheusRules(BurnRatePolicy.defaults()).ruleFile(slos));

    List<Object> series = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      series.add(Map.of("series", "http_requests_total{tenant=\"" + s.tenant() + "\",status=\"200\"}", "values", values(s.cumulative(s.goodPerMinute()))));
      series.add(Map.of("series", "http_requests_total{tenant=\"" + s.tenant() + "\",status=\"500\"}", "values", values(s.cumulative(s.badPerMinute()))));
    }
    List<Object> alertTests = new ArrayList<>();
    Map<String, Integer> decisions = new LinkedHashMap<>();
    for (int minute : EVAL_MINUTES) {
      List<Object> burning = new ArrayList<>();
      for (Scenario s : SCENARIOS) {
        BurnRateEvaluation e = slamon(s, minute);
        for (AlertSeverity sev : AlertSeverity.values()) {
          if (e.firing().stream().anyMatch(c -> c.severity() == sev)) {
            String severity = sev.name().toLowerCase(Locale.ROOT);
            burning.add(Map.of("exp_labels", withName(PrometheusRules.alertLabels(s.slo(), severity), PrometheusRules.BURN_ALERT),
                "exp_annotations", PrometheusRules.burnAnnotations(s.slo(), severity)));
            decisions.merge(s.tenant() + " " + severity, 1, Integer::sum);
          }
        }
        assertThat(e.noData()).isFalse();
      }
      alertTests.add(Map.of("eval_time", minute + "m", "alertname", PrometheusRules.BURN_ALERT, "exp_alerts", burning));
      alertTests.add(Map.of("eval_time", minute + "m", "alertname", PrometheusRules.NO_DATA_ALERT, "exp_alerts",
          List.of(Map.of("exp_labels", withName(PrometheusRules.alertLabels(SILENT, "ticket"), PrometheusRules.NO_DATA_ALERT),
              "exp_annotations", PrometheusRules.noDataAnnotations(SILENT)))));
    }
    // The scenarios cover what they claim, so the comparison is not vacuous.
    assertThat(decisions).containsOnlyKeys("fast page", "fast ticket", "slow ticket", "spike page", "spike ticket", "late page", "late ticket",
        "burst page", "burst ticket");
    // 10 m and 25 m (page-1h), 45 m (page-6h: its 30 m window still holds 15 bad minutes), then quiet
    assertThat(decisions.get("spike page")).isEqualTo(3);

    Map<String, Object> test = new LinkedHashMap<>();
    test.put("rule_files", List.of("rules.yml"));
    test.put("evaluation_interval", "1m");
    test.put("tests", List.of(Map.of("interval", "1m", "input_series", series, "alert_rule_test", alertTests)));
    Files.writeString(dir.resolve("test.yml"), PrometheusRules.yaml(test));

    Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "test.yml").directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).contains("SUCCESS");
  }

  private static Map<String, String> withName(Map<String, String> labels, String alertname) {
    Map<String, String> l = new LinkedHashMap<>(labels);
    l.put("alertname", alertname);
    return l;
  }

  @Test
  void theScenarioShapesAreWhatTheCommentsSay() {
    Scenario fast = SCENARIOS.get(0);
    assertThat(IntStream.of(100, 200).mapToObj(m -> slamon(fast, m).highestSeverity())).containsOnly(AlertSeverity.PAGE);
  }
}
