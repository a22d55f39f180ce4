package io.slamon.collector.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the official OpenMetrics parser test cases ({@code prometheus/OpenMetrics}
 * {@code tests/testdata/parsers}) through the strict parser when they are present in
 * {@code ../../shared/fixtures/openmetrics-parser-tests}: good cases must parse without
 * error, bad ones must be rejected. Skipped when the directory is absent.
 */
class OpenMetricsConformanceTest {
  private static final Path CASES = Path.of("../../shared/fixtures/openmetrics-parser-tests");

  /** Cases known to fail, with the reason; a case not listed here that fails is a regression. */
  private static final Map<String, String> KNOWN_FAILURES = Map.of();

  @Test
  void strictParserAgreesWithEveryOfficialCase() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CASES),
        "OpenMetrics parser test cases not found at " + CASES.toAbsolutePath().normalize() + "; skipped");
    ObjectMapper json = new ObjectMapper();
    Map<String, String> failures = new TreeMap<>();
    int total = 0;
    List<Path> dirs;
    try (Stream<Path> s = Files.list(CASES)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("test.json"))).sorted().toList();
    }
    for (Path dir : dirs) {
      JsonNode spec = json.readTree(dir.resolve("test.json").toFile());
      if (!"text".equals(spec.path("type").asText("text"))) {
        continue;
      }
      total++;
      boolean shouldParse = spec.path("shouldParse").asBoolean();
      String page = Files.readString(dir.resolve(spec.path("file").asText("metrics")), StandardCharsets.UTF_8);
      ParseResult result = PrometheusTextParser.strictOpenMetrics().parse(page, (SampleVisitor) (f, n, l, v, t, e) -> {});
      if (result.ok() != shouldParse) {
        failures.put(dir.getFileName().toString(),
            shouldParse ? "rejected: " + result.errors() : "accepted although invalid");
      }
    }
    int passed = total - failures.size();
    System.out.println("OpenMetrics conformance: " + passed + "/" + total + " cases pass");
    failures.forEach((name, why) -> System.out.println("  FAIL " + name + ": " + why));
    assertThat(new ArrayList<>(failures.keySet())).containsExactlyInAnyOrderElementsOf(KNOWN_FAILURES.keySet());
    assertThat(total).isEqualTo(211);
  }
}
