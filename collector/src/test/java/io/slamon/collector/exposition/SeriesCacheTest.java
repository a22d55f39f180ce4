package io.slamon.collector.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.TestResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing with a {@link SeriesCache} gives exactly what parsing without one gives, page after page. */
class SeriesCacheTest {
  record Read(String name, Map<String, String> labels, double value, long ts) {}

  static List<Object> parse(String page, SeriesCache cache) {
    List<Object> out = new ArrayList<>();
    ParseResult r = new PrometheusTextParser().parse(page, (SampleHandler) (name, labels, value, ts) ->
        out.add(new Read(name, Map.copyOf(labels), value, ts)), cache);
    out.add(r.samples() + " samples, " + r.badLines() + " bad, " + r.blankSamples() + " blank, " + r.errors());
    return out;
  }

  @Test
  void repeatedAndChangedPagesParseAsWithoutACache() throws Exception {
    String dcgm = TestResources.text("/dcgm.txt");
    String vllm = TestResources.text("/vllm.txt");
    List<String> pages = List.of(
        dcgm,
        dcgm, // identical: every line a hit
        dcgm.replace(" 87", " 91"), // values changed
        dcgm.replace("gpu=\"0\"", "gpu=\"7\""), // a label value changed
        "# TYPE extra gauge\nextra{a=\"b\"} 1\n" + dcgm, // a line inserted: later lines shift
        vllm, // a different exporter behind the same cache
        "m{a=\"b\"} 1\nm{a=\"b\"}2\nm{a=\"b\"} 3 1700000000000\nm 4\nm_x 5\n",
        "m{a=\"b\"} 1\nm{a=\"b\"} 2\nm{a=\"b\"}  3 17\nm 4\nm_x{} 5\n");
    SeriesCache cache = new SeriesCache(1000);
    for (String page : pages) {
      assertThat(parse(page, cache)).isEqualTo(parse(page, null));
    }
  }

  @Test
  void sharedLabelMapsAreReusedForTheSameSeriesAcrossPages() {
    SeriesCache cache = new SeriesCache(10);
    List<Map<String, String>> maps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      new PrometheusTextParser().parse("up{job=\"a\"} " + i + "\n", (SampleHandler) (n, labels, v, ts) -> maps.add(labels),
          cache);
    }
    assertThat(maps.get(1)).isSameAs(maps.get(0)).isEqualTo(Map.of("job", "a"));
  }

  @Test
  void linesBeyondTheBoundAreParsedWithoutTheCache() {
    SeriesCache cache = new SeriesCache(1);
    String page = "a 1\nb{x=\"y\"} 2\n";
    parse(page, cache);
    assertThat(parse(page, cache)).isEqualTo(parse(page, null));
  }
}
