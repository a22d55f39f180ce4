package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's p50/p95/p99 equal Prometheus' {@code histogram_quantile} on the same bucket data,
 * checked with the real {@code promtool test rules}: the engine's values are written as the
 * expected samples, promtool evaluates the PromQL and fails on any difference. Because promtool
 * compares with {@code reflect.DeepEqual} (NaN never equals NaN) its failure report is parsed and
 * each "got" value is compared with the engine's, NaN matching NaN and 1e-12 relative tolerance.
 */
class HistogramQuantilePromtoolIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final double[] QUANTILES = {0.5, 0.95, 0.99};

  /** One histogram: le label -> values (promtool series notation, one sample per minute from 0). */
  private record Case(String name, Map<String, String> buckets, boolean counterRange) {}

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("typical", buckets("0.1", "10", "0.25", "45", "0.5", "80", "1", "96", "+Inf", "100"), false));
    cases.add(new Case("inf_only", buckets("+Inf", "42"), false));
    cases.add(new Case("empty", buckets("0.1", "0", "1", "0", "+Inf", "0"), false));
    cases.add(new Case("single_bucket", buckets("1", "3", "+Inf", "5"), false));
    cases.add(new Case("all_in_inf", buckets("0.5", "0", "1", "0", "+Inf", "7"), false));
    cases.add(new Case("rank_on_boundary", buckets("1", "50", "2", "95", "4", "99", "+Inf", "100"), false));
    cases.add(new Case("non_monotonic", buckets("0.1", "20", "0.2", "15", "0.4", "60", "+Inf", "60"), false));
    cases.add(new Case("negative_bounds", buckets("-1", "5", "0", "10", "1", "40", "+Inf", "40"), false));
    cases.add(new Case("duplicate_bounds", buckets("1", "10", "1.0", "10", "2", "30", "+Inf", "40"), false));
    // per-minute cumulative values with a process restart at minute 3 in every bucket
    cases.add(new Case("counter_reset",
        buckets("0.2", "1000 1010 1020 5 15 25", "0.8", "2000 2030 2060 20 50 80", "+Inf", "3000 3040 3080 30 70 110"), true));
    return cases;
  }

  @Test
  void engineQuantilesEqualPromtoolHistogramQuantile(@TempDir Path dir) throws Exception {
    assumeThat(Files.isExecutable(PROMTOOL))
        .as("promtool not found at " + PROMTOOL + " (Debian package 'prometheus'; .ci/run installs it) - skipping the agreement test")
        .isTrue();
    Map<String, Double> expected = new LinkedHashMap<>();
    StringBuilder yaml = new StringBuilder("evaluation_interval: 1m\ntests:\n");
    for (Case c : cases()) {
      yaml.append("  - interval: 1m\n    input_series:\n");
      List<HistogramBucket> engineBuckets = new ArrayList<>();
      c.buckets().forEach((le, values) -> {
        yaml.append("      - series: '").append(metric(c)).append("{le=\"").append(le).append("\"}'\n");
        List<Double> points = parse(values);
        String series = c.counterRange() ? values : points.getFirst() + "+0x5";
        yaml.append("        values: '").append(series).append("'\n");
        double count = c.counterRange() ? CounterMath.increase(points) : points.getFirst();
        engineBuckets.add(new HistogramBucket(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), count));
      });
      yaml.append("    promql_expr_test:\n");
      for (double q : QUANTILES) {
        String selector = c.counterRange() ? "increase(" + metric(c) + "[5m])" : metric(c);
        String expr = "histogram_quantile(" + q + ", " + selector + ")";
        double value = HistogramQuantile.quantile(q, engineBuckets);
        expected.put(expr, value);
        yaml.append("      - expr: '").append(expr).append("'\n        eval_time: 5m\n        exp_samples:\n")
            .append("          - labels: '{}'\n            value: ").append(yamlNumber(value)).append('\n');
      }
    }
    Path file = dir.resolve("histogram-quantile.test.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);

    Result result = promtool(file);
    if (result.exitCode() == 0) {
      return; // every engine value equals Prometheus' bit for bit
    }
    Map<String, Double> got = parseFailures(result.output());
    assertThat(got).as("promtool failed without a parsable report:%n%s", result.output()).isNotEmpty();
    for (var e : got.entrySet()) {
      assertThat(expected).as("promtool reported an expression that was not written: %s%n%s", e.getKey(), result.output()).containsKey(e.getKey());
      double engine = expected.get(e.getKey());
      double prometheus = e.getValue();
      boolean equal = Double.isNaN(engine) ? Double.isNaN(prometheus)
          : engine == prometheus || Math.abs(engine - prometheus) <= 1e-12 * Math.max(Math.abs(engine), Math.abs(prometheus));
      assertThat(equal).as("%s: engine %s, Prometheus %s%n%s", e.getKey(), engine, prometheus, yaml).isTrue();
    }
    // the only failures promtool may report are NaN = NaN ones and float noise within tolerance
    assertThat(result.output().split("expr: ", -1).length - 1).as(result.output()).isEqualTo(got.size());
  }

  private static String metric(Case c) {
    return "h_" + c.name() + "_bucket";
  }

  private static Map<String, String> buckets(String... leAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < leAndValues.length; i += 2) {
      m.put(leAndValues[i], leAndValues[i + 1]);
    }
    return m;
  }

  private static List<Double> parse(String values) {
    List<Double> out = new ArrayList<>();
    for (String v : values.trim().split("\\s+")) {
      out.add(Double.parseDouble(v));
    }
    return out;
  }

  private static String yamlNumber(double v) {
    if (Double.isNaN(v)) {
      return ".NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? ".Inf" : "-.Inf";
    }
    return String.format(Locale.ROOT, "%s", v);
  }

  private record Result(int exitCode, String output) {}

  private static Result promtool(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", file.getFileName().toString())
        .directory(file.getParent().toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool did not finish within 60 s").isTrue();
    return new Result(p.exitValue(), output);
  }

  private static final Pattern FAILURE = Pattern.compile("expr: \"((?:[^\"\\\\]|\\\\.)*)\", time: [^\\n]*\\n\\s*exp: [^\\n]*\\n\\s*got: \\{\\} (\\S+)");

  /** Expression to the value promtool got, for every failure block of its report. */
  static Map<String, Double> parseFailures(String output) {
    Map<String, Double> got = new LinkedHashMap<>();
    Matcher m = FAILURE.matcher(output);
    while (m.find()) {
      String value = m.group(2);
      double v = switch (value) {
        case "NaN" -> Double.NaN;
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(value);
      };
      got.put(m.group(1).replace("\\\"", "\""), v);
    }
    return got;
  }
}
