package io.slamon.collector.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.exposition.PrometheusTextParser.Flavor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusTextParserTest {

  record Parsed(String name, Map<String, String> labels, double value, long ts) {}

  static final class Collecting implements SampleHandler {
    final List<Parsed> samples = new ArrayList<>();
    final Map<String, MetricType> types = new LinkedHashMap<>();
    final Map<String, String> help = new LinkedHashMap<>();
    final Map<String, String> units = new LinkedHashMap<>();

    @Override
    public void sample(String name, Map<String, String> labels, double value, long timestampMillis) {
      samples.add(new Parsed(name, labels, value, timestampMillis));
    }

    @Override
    public void type(String family, MetricType type) {
      types.put(family, type);
    }

    @Override
    public void help(String family, String text) {
      help.put(family, text);
    }

    @Override
    public void unit(String family, String unit) {
      units.put(family, unit);
    }
  }

  private static final long NO_TS = SampleHandler.NO_TIMESTAMP;

  static Stream<Arguments> validLines() {
    return Stream.of(
        Arguments.of("plain", "up 1", new Parsed("up", Map.of(), 1, NO_TS)),
        Arguments.of("colon in name", "vllm:num_requests_running{model_name=\"m\"} 3",
            new Parsed("vllm:num_requests_running", Map.of("model_name", "m"), 3, NO_TS)),
        Arguments.of("timestamp in ms", "x 2.5 1700000000123", new Parsed("x", Map.of(), 2.5, 1700000000123L)),
        Arguments.of("negative timestamp", "x 1 -5", new Parsed("x", Map.of(), 1, -5)),
        Arguments.of("exponent", "x 1.5e-3", new Parsed("x", Map.of(), 0.0015, NO_TS)),
        Arguments.of("+Inf", "x +Inf", new Parsed("x", Map.of(), Double.POSITIVE_INFINITY, NO_TS)),
        Arguments.of("-Inf", "x -Inf", new Parsed("x", Map.of(), Double.NEGATIVE_INFINITY, NO_TS)),
        Arguments.of("NaN", "x NaN", new Parsed("x", Map.of(), Double.NaN, NO_TS)),
        Arguments.of("space after comma", "x{a=\"1\", b=\"2\"} 1", new Parsed("x", Map.of("a", "1", "b", "2"), 1, NO_TS)),
        Arguments.of("trailing comma", "x{a=\"1\",} 1", new Parsed("x", Map.of("a", "1"), 1, NO_TS)),
        Arguments.of("empty braces", "x{} 7", new Parsed("x", Map.of(), 7, NO_TS)),
        Arguments.of("escapes", "x{p=\"C:\\\\dir\",q=\"say \\\"hi\\\"\",r=\"a\\nb\"} 1",
            new Parsed("x", Map.of("p", "C:\\dir", "q", "say \"hi\"", "r", "a\nb"), 1, NO_TS)),
        Arguments.of("unknown escape kept", "x{re=\"\\d+\"} 1", new Parsed("x", Map.of("re", "\\d+"), 1, NO_TS)),
        Arguments.of("odd characters in value", "x{v=\"{a}, b=c #1 Grüße\"} 1",
            new Parsed("x", Map.of("v", "{a}, b=c #1 Grüße"), 1, NO_TS)),
        Arguments.of("tabs and leading blanks", "  \tx\t{a=\"1\"}\t 4\t", new Parsed("x", Map.of("a", "1"), 4, NO_TS)),
        Arguments.of("CRLF", "x 1\r", new Parsed("x", Map.of(), 1, NO_TS)),
        Arguments.of("bucket", "h_bucket{le=\"+Inf\"} 10", new Parsed("h_bucket", Map.of("le", "+Inf"), 10, NO_TS)),
        Arguments.of("quantile", "s{quantile=\"0.99\"} 0.2", new Parsed("s", Map.of("quantile", "0.99"), 0.2, NO_TS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validLines")
  void validLineYieldsTheExpectedSample(String title, String line, Parsed expected) {
    Collecting c = new Collecting();
    ParseResult result = new PrometheusTextParser().parse(line, c);
    assertThat(result.errors()).isEmpty();
    assertThat(result.samples()).isEqualTo(1);
    assertThat(c.samples).hasSize(1);
    Parsed got = c.samples.get(0);
    assertThat(got.name()).isEqualTo(expected.name());
    assertThat(got.labels()).isEqualTo(expected.labels());
    assertThat(Double.valueOf(got.value())).isEqualTo(Double.valueOf(expected.value()));
    assertThat(got.ts()).isEqualTo(expected.ts());
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("x", "expected a value after 'x'"),
        Arguments.of("x{a=\"1\"}", "expected a value after 'x', found end of line"),
        Arguments.of("x abc", "expected a number, NaN, +Inf or -Inf as value, found 'abc'"),
        Arguments.of("x 1d", "found '1d'"),
        Arguments.of("x 0x10", "found '0x10'"),
        Arguments.of("x 1 12.5", "expected an integer timestamp in milliseconds, found '12.5'"),
        Arguments.of("x 1 2 3", "expected end of line after the timestamp, found '3'"),
        Arguments.of("x{a=1} 1", "expected '\"' to open the value of label 'a', found '1'"),
        Arguments.of("x{a \"1\"} 1", "expected '=' after label name 'a', found '\"'"),
        Arguments.of("x{a=\"1} 1", "unterminated value of label 'a'"),
        Arguments.of("x{a=\"1\" b=\"2\"} 1", "expected ',' or '}' after the value of label 'a', found 'b'"),
        Arguments.of("x{a=\"1\",a=\"2\"} 1", "duplicate label 'a'"),
        Arguments.of("x{1a=\"1\"} 1", "expected a label name or '}', found '1'"),
        Arguments.of("x{a=\"1\"", "expected ',' or '}' after the value of label 'a', found end of line"),
        Arguments.of("9x 1", "expected a metric name, found '9'"),
        Arguments.of("x-y 1", "expected a space before the value, found '-'"),
        Arguments.of("# TYPE x countr", "unknown metric type 'countr', expected counter, gauge, histogram, summary or untyped"),
        Arguments.of("# TYPE x", "expected a metric type after the name in '# TYPE x'"),
        Arguments.of("# TYPE x gauge extra", "expected end of line after metric type, found 'e'"),
        Arguments.of("# HELP", "expected a metric name after '# HELP', found end of line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void badLineIsReportedWithItsNumberAndWhatWasExpected(String line, String message) {
    Collecting c = new Collecting();
    String page = "before 1\n" + line + "\nafter 2\n";
    ParseResult result = new PrometheusTextParser().parse(page, c);
    assertThat(result.badLines()).isEqualTo(1);
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).line()).isEqualTo(2);
    assertThat(result.errors().get(0).message()).contains(message);
    assertThat(c.samples).extracting(Parsed::name).containsExactly("before", "after");
  }

  @Test
  void helpTypeAndCommentsAreReadAndPlainCommentsIgnored() {
    Collecting c = new Collecting();
    String page =
        "# a free comment\n# HELP x Some \\\\ help\\nsecond line\n# TYPE x counter\nx_total 3\n\n# TYPE h histogram\n";
    ParseResult result = new PrometheusTextParser().parse(page, c);
    assertThat(result.errors()).isEmpty();
    assertThat(c.help).containsEntry("x", "Some \\ help\nsecond line");
    assertThat(c.types).containsEntry("x", MetricType.COUNTER).containsEntry("h", MetricType.HISTOGRAM);
    assertThat(c.samples).hasSize(1);
  }

  @Test
  void secondTypeLineForTheSameFamilyIsAnError() {
    ParseResult result = new PrometheusTextParser().parse("# TYPE x gauge\n# TYPE x counter\n", new Collecting());
    assertThat(result.errors()).singleElement().hasToString("line 2: second TYPE line for metric family 'x'");
  }

  @Test
  void missingFinalNewlineStillYieldsTheLastSample() {
    Collecting c = new Collecting();
    new PrometheusTextParser().parse("a 1\nb 2", c);
    assertThat(c.samples).extracting(Parsed::name).containsExactly("a", "b");
  }

  @Test
  void openMetricsEofUnitCreatedAndExemplarsAreTolerated() {
    Collecting c = new Collecting();
    String page =
        """
        # TYPE req counter
        # UNIT req_seconds seconds
        req_total{code="200"} 17 1700000000.5 # {trace_id="abc"} 1.0
        req_created{code="200"} 1.7e9
        # EOF
        """;
    ParseResult result = new PrometheusTextParser(Flavor.OPENMETRICS_1_0).parse(page, c);
    assertThat(result.errors()).isEmpty();
    assertThat(c.units).containsEntry("req_seconds", "seconds");
    assertThat(c.samples).extracting(Parsed::name).containsExactly("req_total", "req_created");
    assertThat(c.samples.get(0).ts()).isEqualTo(1700000000500L);
  }

  @Test
  void contentAfterEofIsAnError() {
    Collecting c = new Collecting();
    ParseResult result = new PrometheusTextParser().parse("a 1\n# EOF\nb 2\n", c);
    assertThat(result.errors()).singleElement().hasToString("line 3: nothing may follow '# EOF'");
    assertThat(c.samples).hasSize(1);
  }

  @Test
  void allBadLinesAreCountedButOnlyTheFirstHundredReported() {
    String page = "bad\n".repeat(150) + "good 1\n";
    Collecting c = new Collecting();
    ParseResult result = new PrometheusTextParser().parse(page, c);
    assertThat(result.badLines()).isEqualTo(150);
    assertThat(result.errors()).hasSize(PrometheusTextParser.MAX_REPORTED_ERRORS);
    assertThat(result.samples()).isEqualTo(1);
  }

  @Test
  void dcgmExporterPageParsesCompletely() throws IOException {
    Collecting c = new Collecting();
    ParseResult result = new PrometheusTextParser().parse(resource("/dcgm.txt"), c);
    assertThat(result.errors()).isEmpty();
    assertThat(result.samples()).isEqualTo(8);
    Parsed util = c.samples.get(0);
    assertThat(util.name()).isEqualTo("DCGM_FI_DEV_GPU_UTIL");
    assertThat(util.labels())
        .containsEntry("gpu", "0")
        .containsEntry("modelName", "NVIDIA H100 80GB HBM3")
        .containsEntry("Hostname", "gpu-node-01")
        .containsEntry("namespace", "tenant-acme")
        .containsEntry("pod", "vllm-7f9c")
        .containsEntry("GPU_I_PROFILE", "1g.10gb")
        .containsEntry("DCGM_FI_DRIVER_VERSION", "550.54.15");
    assertThat(util.value()).isEqualTo(87);
    assertThat(c.types).containsEntry("DCGM_FI_DEV_XID_ERRORS", MetricType.GAUGE);
  }

  @Test
  void vllmPageWithHistogramsParsesCompletely() throws IOException {
    Collecting c = new Collecting();
    ParseResult result = new PrometheusTextParser().parse(resource("/vllm.txt"), c);
    assertThat(result.errors()).isEmpty();
    assertThat(c.types).containsEntry("vllm:time_to_first_token_seconds", MetricType.HISTOGRAM);
    assertThat(c.samples)
        .filteredOn(s -> s.name().equals("vllm:time_to_first_token_seconds_bucket"))
        .extracting(s -> s.labels().get("le"))
        .containsExactly("0.1", "0.5", "1.0", "+Inf");
    assertThat(c.samples)
        .filteredOn(s -> s.name().equals("vllm:request_success_total"))
        .singleElement()
        .satisfies(s -> assertThat(s.labels()).containsEntry("finished_reason", "stop"));
    assertThat(result.samples()).isEqualTo(c.samples.size());
  }

  static String resource(String name) throws IOException {
    try (InputStream in = PrometheusTextParserTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
