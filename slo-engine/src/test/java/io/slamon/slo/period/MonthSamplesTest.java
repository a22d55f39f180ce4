package io.slamon.slo.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.slo.TimeInterval;
import io.slamon.store.SampleReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthSamplesTest {
  static final Instant START = Instant.parse("2026-09-30T22:00:00Z");
  static final Instant END = Instant.parse("2026-10-31T23:00:00Z");

  /** An in-memory reader with the store's semantics: points in [from, to), series without points left out. */
  static final class InMemory implements SampleReader {
    final List<Series> all;
    final List<String> calls = new ArrayList<>();

    InMemory(List<Series> all) {
      this.all = all;
    }

    @Override
    public List<Series> query(String tenant, String metric, Map<String, String> m, Instant from, Instant to) {
      calls.add(metric + " " + from + " " + to);
      List<Series> out = new ArrayList<>();
      for (Series s : all) {
        if (s.metric().equals(metric) && s.labels().entrySet().containsAll(m.entrySet())) {
          var p = s.points().stream().filter(x -> x.timestampMillis() >= from.toEpochMilli() && x.timestampMillis() < to.toEpochMilli()).toList();
          if (!p.isEmpty()) {
            out.add(new Series(tenant, metric, s.labels(), p));
          }
        }
      }
      return out;
    }
  }

  static InMemory store() {
    List<SampleReader.Point> a = new ArrayList<>();
    for (Instant t = START; t.isBefore(END); t = t.plusSeconds(3600)) {
      a.add(new SampleReader.Point(t.toEpochMilli(), a.size()));
    }
    return new InMemory(List.of(new SampleReader.Series("t", "m", Map.of("status", "2xx"), a),
        new SampleReader.Series("t", "m", Map.of("status", "5xx"), a.subList(0, 10))));
  }

  @Test
  void daySlicesMatchTheStoreAndTheMonthIsReadOnce() {
    InMemory direct = store();
    InMemory behind = store();
    MonthSamples month = new MonthSamples(behind, new TimeInterval(START, END));
    for (Instant day = START; day.isBefore(END); day = day.plusSeconds(86_400)) {
      Instant next = day.plusSeconds(86_400).isAfter(END) ? END : day.plusSeconds(86_400);
      assertThat(month.query("t", "m", Map.of(), day, next)).isEqualTo(direct.query("t", "m", Map.of(), day, next));
    }
    assertThat(behind.calls).containsExactly("m " + START + " " + END);
  }

  @Test
  void queriesOutsideTheMonthGoToTheStore() {
    InMemory behind = store();
    MonthSamples month = new MonthSamples(behind, new TimeInterval(START, END));
    month.query("t", "m", Map.of(), START.minusSeconds(60), END);
    month.query("t", "m", Map.of("status", "5xx"), START, END);
    assertThat(behind.calls).hasSize(2);
  }
}
