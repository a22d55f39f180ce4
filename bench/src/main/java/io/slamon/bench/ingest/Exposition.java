package io.slamon.bench.ingest;

import io.slamon.collector.exposition.PrometheusTextParser;
import io.slamon.collector.exposition.SampleHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A peer's own {@code /metrics} page, read with slamon's exposition parser. Lookups sum every
 * series of a metric (all label values), because the peers split counters by labels that do not
 * matter here (job, type, reason).
 */
final class Exposition {
  private record Line(String name, Map<String, String> labels, double value) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Line> lines;

  Exposition(String text) {
    List<Line> read = new ArrayList<>();
    new PrometheusTextParser().parse(text, (SampleHandler) (name, labels, value, ts) -> read.add(new Line(name, labels, value)));
    this.lines = read;
  }

  static Exposition fetch(String url) throws IOException {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("GET " + url + ": HTTP " + r.statusCode());
      }
      return new Exposition(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading " + url, e);
    }
  }

  /** Sum over the series named exactly {@code name} whose labels contain {@code label=value} pairs given. */
  OptionalDouble sum(String name, String... labelPairs) {
    double sum = 0;
    boolean found = false;
    for (Line l : lines) {
      if (l.name().equals(name) && matches(l.labels(), labelPairs)) {
        sum += l.value();
        found = true;
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }

  /** The first of {@code names} that the page has, summed. */
  OptionalDouble first(String... names) {
    for (String n : names) {
      OptionalDouble v = sum(n);
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }

  private static boolean matches(Map<String, String> labels, String[] pairs) {
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
