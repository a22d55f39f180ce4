package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.events.InMemoryEventStore;
import io.slamon.store.Sample;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scrape responses served by a real HTTP exporter: the collector never fails, keeps
 * every valid sample of the page, records the target as up or down as Prometheus would, and
 * counts what it skipped.
 */
class MalformedScrapeInputTest {
  final Vertx vertx = Vertx.vertx();
  final List<Sample> written = Collections.synchronizedList(new ArrayList<>());
  Collector collector;

  @AfterEach
  void stop() throws Exception {
    if (collector != null) {
      collector.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** name, content encoding (or null), body, expected up, metric names that must be stored, at least this many bad lines. */
  static Stream<Arguments> pages() {
    byte[] garbage = new byte[4096];
    new SplittableRandom(1).nextBytes(garbage);
    String hugeValue = "x".repeat(1 << 20);
    return Stream.of(
        Arguments.of("valid lines around broken ones", null,
            bytes("ok_a 1\nbroken{gpu=\"0\" 2\n# TYPE ok_b gauge\nok_b{x=\"y\"} 3\nok_c NotANumber\nok_d 4"), 1,
            List.of("ok_a", "ok_b", "ok_d"), 2),
        Arguments.of("random binary bytes", null, garbage, 1, List.of(), 1),
        Arguments.of("invalid UTF-8 inside a label value", null,
            concat(bytes("ok_a{v=\""), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes("\"} 1\nok_b 2\n")), 1,
            List.of("ok_a", "ok_b"), 0),
        Arguments.of("a 1 MiB label value", null, bytes("big{v=\"" + hugeValue + "\"} 1\nok_a 2\n"), 1,
            List.of("big", "ok_a"), 0),
        Arguments.of("a second TYPE line for a family", null,
            bytes("# TYPE m gauge\nm 1\n# TYPE m counter\nok_a 2\n"), 1, List.of("m", "ok_a"), 1),
        Arguments.of("an empty body", null, new byte[0], 1, List.of(), 0),
        Arguments.of("every line broken", null, bytes("{\n}}}\n= 1\n"), 1, List.of(), 3),
        Arguments.of("gzip announced, garbage sent", "gzip", bytes("this is not gzip"), 0, List.of(), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void theCollectorKeepsWhatIsValidAndCountsTheRest(String name, String encoding, byte[] body, int up,
      List<String> stored, int minBadLines) throws Exception {
    int port = vertx.createHttpServer().requestHandler(r -> {
      if (encoding != null) {
        r.response().putHeader("Content-Encoding", encoding);
      }
      r.response().end(Buffer.buffer(body));
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    ScrapeTarget target = new ScrapeTarget("bad", URI.create("http://127.0.0.1:" + port + "/metrics"),
        Duration.ofHours(1), Duration.ofSeconds(5), Map.of(), false);
    collector = new Collector(vertx, List.of(target), TenantResolver.providerOnly(), written::addAll,
        new InMemoryEventStore(), new EventSources(Map.of()), Set.<String>of()::contains, CollectorSettings.defaults());
    collector.start();

    collector.scrapeNow().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(written).filteredOn(s -> s.metric().equals("up")).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(up));
    assertThat(written).extracting(Sample::metric).filteredOn(m -> !m.equals("up") && !m.startsWith("scrape_"))
        .containsExactlyInAnyOrderElementsOf(stored);
    String metrics = collector.metrics().scrape();
    if (minBadLines > 0) {
      assertThat(metrics).containsPattern("slamon_collector_parse_errors_total\\{job=\"bad\"} ([0-9.]+)");
      double bad = Double.parseDouble(metrics.replaceAll("(?s).*slamon_collector_parse_errors_total\\{job=\"bad\"} "
          + "([0-9.]+).*", "$1"));
      assertThat(bad).isGreaterThanOrEqualTo(minBadLines);
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
