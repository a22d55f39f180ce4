package io.slamon.collector.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.collector.exposition.PrometheusTextParser.Flavor;
import io.slamon.collector.exposition.PrometheusTextParser.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What real exporters emit, read through the rich {@link SampleVisitor} callback. */
class ExporterQuirksTest {

  record Seen(Family family, String name, Map<String, String> labels, double value, long ts, Exemplar exemplar) {}

  static List<Seen> parse(PrometheusTextParser parser, String page) {
    List<Seen> seen = new ArrayList<>();
    ParseResult r = parser.parse(page, (SampleVisitor) (f, n, l, v, t, e) -> seen.add(new Seen(f, n, l.toMap(), v, t, e)));
    assertThat(r.errors()).isEmpty();
    return seen;
  }

  static List<Seen> prom(String page) {
    return parse(new PrometheusTextParser(), page);
  }

  static List<Seen> om(String page) {
    return parse(new PrometheusTextParser(Flavor.OPENMETRICS_1_0), page);
  }

  @Test
  void dcgmBlankSentinelValuesAreTreatedAsMissingAndCounted() {
    String page =
        """
        # TYPE DCGM_FI_DEV_POWER_USAGE gauge
        DCGM_FI_DEV_POWER_USAGE{gpu="0"} 140737488355328
        DCGM_FI_DEV_POWER_USAGE{gpu="1"} 301.5
        DCGM_FI_DEV_POWER_USAGE{gpu="2"} 140737488355331.000
        # TYPE DCGM_FI_DEV_XID_ERRORS gauge
        DCGM_FI_DEV_XID_ERRORS{gpu="0"} 2147483632
        DCGM_FI_DEV_XID_ERRORS{gpu="1"} 9223372036854775792
        DCGM_FI_DEV_XID_ERRORS{gpu="2"} 2147483635
        DCGM_FI_DEV_XID_ERRORS{gpu="3"} 0
        """;
    List<Seen> seen = new ArrayList<>();
    ParseResult r = new PrometheusTextParser().parse(page, (SampleVisitor) (f, n, l, v, t, e) -> seen.add(new Seen(f, n, l.toMap(), v, t, e)));
    assertThat(r.blankSamples()).isEqualTo(5);
    assertThat(r.samples()).isEqualTo(2);
    assertThat(r.badLines()).isZero();
    assertThat(seen).extracting(Seen::value).containsExactly(301.5, 0.0);
  }

  @Test
  void sentinelLookalikesOutsideDcgmFamiliesAreKept() {
    assertThat(prom("bytes_total 140737488355328\nx 2147483632\n")).extracting(Seen::value)
        .containsExactly(140737488355328.0, 2147483632.0);
  }

  @Test
  void tgiCounterWithoutTotalSuffixBelongsToItsDeclaredFamily() {
    List<Seen> seen = prom("# TYPE tgi_request_count counter\ntgi_request_count{method=\"POST\"} 42\n");
    assertThat(seen).singleElement().satisfies(s -> {
      assertThat(s.family()).isEqualTo(new Family("tgi_request_count", MetricType.COUNTER));
      assertThat(s.value()).isEqualTo(42);
    });
  }

  @Test
  void vllmIterationTokensTotalIsAHistogramNotACounter() {
    List<Seen> seen = prom(
        """
        # HELP vllm:iteration_tokens_total Histogram of number of tokens per engine_step.
        # TYPE vllm:iteration_tokens_total histogram
        vllm:iteration_tokens_total_sum{model_name="llama"} 9000.0
        vllm:iteration_tokens_total_bucket{le="1.0",model_name="llama"} 3.0
        vllm:iteration_tokens_total_bucket{le="+Inf",model_name="llama"} 40.0
        vllm:iteration_tokens_total_count{model_name="llama"} 40.0
        """);
    assertThat(seen).hasSize(4).allSatisfy(s ->
        assertThat(s.family()).isEqualTo(new Family("vllm:iteration_tokens_total", MetricType.HISTOGRAM)));
    assertThat(seen.get(0).name()).isEqualTo("vllm:iteration_tokens_total_sum");
  }

  @Test
  void familyComesFromTypeNotFromSuffixes() {
    List<Seen> seen = prom(
        """
        # TYPE requests_total gauge
        requests_total 3
        # TYPE lat summary
        lat{quantile="0.5"} 0.1
        lat_sum 4
        lat_count 9
        undeclared_total 1
        """);
    assertThat(seen).extracting(s -> s.family().name() + ":" + s.family().type())
        .containsExactly("requests_total:GAUGE", "lat:SUMMARY", "lat:SUMMARY", "lat:SUMMARY",
            "undeclared_total:UNTYPED");
  }

  @Test
  void interleavedFamiliesStillResolveToTheirDeclaration() {
    List<Seen> seen = prom("# TYPE a counter\n# TYPE b gauge\nb 1\na_total 2\na_created 3\n");
    assertThat(seen).extracting(s -> s.family().name()).containsExactly("b", "a", "a");
  }

  @Test
  void createdSeriesAndExemplarsAreExposedInOpenMetrics() {
    List<Seen> seen = om(
        """
        # TYPE req counter
        req_total{code="200"} 17 1700000000.5 # {trace_id="abc"} 1.0 1700000000.25
        req_created{code="200"} 1.7e9
        # TYPE h histogram
        h_bucket{le="0.5"} 1 # {trace_id="x"} 0.3
        h_bucket{le="+Inf"} 2
        h_count 2
        h_sum 0.9
        # EOF
        """);
    assertThat(seen.get(0).exemplar()).isEqualTo(new Exemplar(Map.of("trace_id", "abc"), 1.0, 1700000000250L));
    assertThat(seen.get(1).family()).isEqualTo(new Family("req", MetricType.COUNTER));
    assertThat(seen.get(1).exemplar()).isNull();
    assertThat(seen.get(2).exemplar()).isEqualTo(new Exemplar(Map.of("trace_id", "x"), 0.3, SampleHandler.NO_TIMESTAMP));
    assertThat(seen).extracting(s -> s.family().name()).containsExactly("req", "req", "h", "h", "h", "h");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1700000000, 1700000000000",
    "1700000000.123, 1700000000123",
    "1700000000.1, 1700000000100",
    "1700000000.1235, 1700000000124",
    "1.7e9, 1700000000000",
    "-1.5, -1500",
    "0, 0"
  })
  void openMetricsTimestampsInSecondsBecomeMilliseconds(String seconds, long millis) {
    assertThat(om("x 1 " + seconds + "\n")).singleElement().extracting(Seen::ts).isEqualTo(millis);
  }

  @Test
  void prometheusTimestampsAreMilliseconds() {
    assertThat(prom("x 1 1700000000123\n")).singleElement().extracting(Seen::ts).isEqualTo(1700000000123L);
  }

  @Test
  void nanAndInfinitiesInValuesAndLabels() {
    List<Seen> seen = prom("a NaN\nb +Inf\nc -Inf\nd Inf\ne{le=\"+Inf\"} 1\n");
    assertThat(seen).extracting(Seen::value).containsExactly(Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0);
  }

  @Test
  void fastNumberConversionMatchesTheJdkExactly() {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder page = new StringBuilder();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String t = switch (i % 4) {
        case 0 -> Long.toString(random.nextLong(1_000_000_000_000_000L));
        case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-5, 15)));
        case 2 -> random.nextInt(100000) + "." + random.nextInt(100000);
        default -> "-0." + random.nextInt(1, 999999999);
      };
      texts.add(t);
      page.append("x ").append(t).append('\n');
    }
    List<Seen> seen = prom(page.toString());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(seen.get(i).value()).as(texts.get(i)).isEqualTo(Double.parseDouble(texts.get(i)));
    }
  }

  @Test
  void labelViewIsReusedButToMapIsAFreshCopy() {
    List<LabelSet> views = new ArrayList<>();
    List<Map<String, String>> maps = new ArrayList<>();
    new PrometheusTextParser().parse("a{x=\"1\",y=\"2\"} 1\na{x=\"1\",y=\"3\"} 1\n", (SampleVisitor) (f, n, l, v, t, e) -> {
      views.add(l);
      maps.add(l.toMap());
      assertThat(l.get("x")).isEqualTo("1");
      assertThat(l.get("nope")).isNull();
    });
    assertThat(views.get(0)).isSameAs(views.get(1));
    assertThat(maps).containsExactly(Map.of("x", "1", "y", "2"), Map.of("x", "1", "y", "3"));
  }

  @Test
  void simpleHandlerStillGetsAFreshMutableMap() {
    List<Map<String, String>> maps = new ArrayList<>();
    new PrometheusTextParser().parse("a{x=\"1\"} 1\n", (name, labels, value, ts) -> {
      labels.put("added", "ok");
      maps.add(labels);
    });
    assertThat(maps).containsExactly(Map.of("x", "1", "added", "ok"));
  }

  @Test
  void strictModeAcceptsAValidPage() {
    List<Seen> seen = parse(PrometheusTextParser.strictOpenMetrics(),
        "# TYPE a counter\n# HELP a help\na_total 1 # {id=\"x\"} 1\n# EOF\n");
    assertThat(seen).singleElement().extracting(Seen::family).isEqualTo(new Family("a", MetricType.COUNTER));
  }

  @Test
  void strictModeRejectsWhatTheLenientModeForgives() {
    String page = "a{x=\"1\", y=\"2\"} 1\n# EOF\n";
    assertThat(new PrometheusTextParser(Flavor.OPENMETRICS_1_0).parse(page, (SampleVisitor) (f, n, l, v, t, e) -> {}).ok())
        .isTrue();
    ParseResult strict = PrometheusTextParser.strictOpenMetrics().parse(page, (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(strict.ok()).isFalse();
    assertThat(strict.errors()).singleElement().hasToString("line 1: expected a label name, found ' '");
  }

  @Test
  void strictModeStopsAtTheFirstViolation() {
    ParseResult r = PrometheusTextParser.strictOpenMetrics().parse("a 1\n\nb 2\nc x\n# EOF\n",
        (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(r.badLines()).isEqualTo(1);
    assertThat(r.errors()).singleElement().hasToString("line 2: blank lines are not allowed in OpenMetrics");
  }

  @Test
  void strictModeReportsAMissingEof() {
    ParseResult r = PrometheusTextParser.strictOpenMetrics().parse("a 1\n", (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(r.errors()).singleElement().hasToString("line 1: missing '# EOF' at the end of the page");
  }

  @Test
  void strictModeChecksHistogramConsistency() {
    ParseResult r = PrometheusTextParser.strictOpenMetrics().parse(
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n# EOF\n",
        (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(r.errors()).singleElement().hasToString("line 3: histogram 'h': bucket values decrease");
  }

  @Test
  void strictModeExistsOnlyForOpenMetrics() {
    assertThatThrownBy(() -> new PrometheusTextParser(Flavor.PROMETHEUS_0_0_4, Mode.STRICT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strict mode exists for OPENMETRICS_1_0 only, not PROMETHEUS_0_0_4");
  }

  @Test
  void exemplarLabelsLongerThan128CharactersAreRejected() {
    String id = "x".repeat(127);
    ParseResult r = new PrometheusTextParser(Flavor.OPENMETRICS_1_0).parse(
        "# TYPE a counter\na_total 1 # {id=\"" + id + "\"} 1\nb 2\n", (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(r.errors()).singleElement().hasToString("line 2: exemplar labels are longer than 128 characters");
    assertThat(r.samples()).isEqualTo(1);
  }

  @Test
  void malformedExemplarIsReported() {
    ParseResult r = new PrometheusTextParser(Flavor.OPENMETRICS_1_0).parse("a_total 1 # trace 1\n",
        (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(r.errors()).singleElement().hasToString("line 1: expected ' {' to start the exemplar's labels after '#'");
  }

  @Test
  void duplicateLabelsAreFoundOnEveryLineDespiteNameReuse() {
    String page = "a{x=\"1\",y=\"2\",z=\"3\"} 1\n"
        + "a{z=\"1\"} 1\n"
        + "a{z=\"1\",y=\"2\",z=\"3\"} 1\n"
        + "a{x=\"1\",x=\"2\"} 1\n"
        + "a{x=\"1\",x=\"2\"} 1\n";
    ParseResult r = new PrometheusTextParser().parse(page, (SampleVisitor) (f, n, l, v, t, e) -> {});
    assertThat(r.samples()).isEqualTo(2);
    assertThat(r.errors()).extracting(ParseError::toString).containsExactly(
        "line 3: duplicate label 'z'", "line 4: duplicate label 'x'", "line 5: duplicate label 'x'");
  }
}
