package io.slamon.slo.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.slo.TimeInterval;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.RollupReader;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The period job's tenant-month rollups answer every day of the month, and days whose reads reach
 * before the month (token anomaly's baseline), from one database read per selection, with the same
 * minute rows the store gives directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantRollupsIT {
  private static final Instant START = Instant.parse("2026-09-30T22:00:00Z"); // October in Berlin
  private static final Instant END = Instant.parse("2026-10-31T23:00:00Z");
  private static final TimeInterval OCTOBER = new TimeInterval(START, END);

  private DatabaseSettings settings;
  private Database db;

  /** The real reader, counting the reads that reach the database. */
  private static final class Counting implements RollupReader {
    final RollupReader real;
    final List<String> reads = new ArrayList<>();

    Counting(RollupReader real) {
      this.real = real;
    }

    @Override
    public List<RollupSeries> rollups(String tenant, String metric, Map<String, String> m, Instant from, Instant to) {
      reads.add(metric + m + " " + from + " " + to);
      return real.rollups(tenant, metric, m, from, to);
    }

    @Override
    public List<SeriesTotal> totals(String tenant, String metric, Map<String, String> m, Instant from, Instant to) {
      return real.totals(tenant, metric, m, from, to);
    }

    @Override
    public Map<String, List<SeriesTotal>> totalsOfAllTenants(String metric, Instant from, Instant to) {
      return real.totalsOfAllTenants(metric, from, to);
    }
  }

  @BeforeAll
  void write() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    List<Sample> samples = new ArrayList<>();
    double tokens = 0;
    for (Instant t = START.minus(Duration.ofDays(10)); t.isBefore(END.plus(Duration.ofDays(1))); t = t.plusSeconds(600)) {
      tokens += 100;
      samples.add(new Sample("acme", "vllm:prompt_tokens_total", Map.of("model_name", "llama"), t.toEpochMilli(), tokens));
      samples.add(new Sample("acme", "vllm:prompt_tokens_total", Map.of("model_name", "mistral"), t.toEpochMilli(), tokens / 2));
      samples.add(new Sample("other", "vllm:prompt_tokens_total", Map.of("model_name", "llama"), t.toEpochMilli(), 1e9));
    }
    db.sampleStore().write(samples);
  }

  @AfterAll
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void everyDayAndItsBaselineComeFromOneReadWithTheStoresOwnRows() {
    Counting counting = new Counting(db.rollupReader());
    TenantRollups month = new TenantRollups(counting, "acme", OCTOBER);
    for (Instant day = START; day.isBefore(END); day = day.plus(Duration.ofDays(1))) {
      Instant next = day.plus(Duration.ofDays(1)).isAfter(END) ? END : day.plus(Duration.ofDays(1));
      Instant baseline = day.minus(Duration.ofDays(7));
      assertThat(month.rollups("acme", "vllm:prompt_tokens_total", Map.of(), baseline, next))
          .isEqualTo(db.rollupReader().rollups("acme", "vllm:prompt_tokens_total", Map.of(), baseline, next));
      assertThat(month.rollups("acme", "vllm:prompt_tokens_total", Map.of("model_name", "mistral"), day, next))
          .isEqualTo(db.rollupReader().rollups("acme", "vllm:prompt_tokens_total", Map.of("model_name", "mistral"), day, next));
    }
    assertThat(counting.reads).containsExactly(
        "vllm:prompt_tokens_total{} " + START.minus(Duration.ofDays(7)) + " " + END,
        "vllm:prompt_tokens_total{model_name=mistral} " + START + " " + END);
  }

  @Test
  void readsPastTheMonthsEndGoToTheStore() {
    Counting counting = new Counting(db.rollupReader());
    TenantRollups month = new TenantRollups(counting, "acme", OCTOBER);
    month.rollups("acme", "vllm:prompt_tokens_total", Map.of(), START, END.plusSeconds(60));
    month.rollups("acme", "vllm:prompt_tokens_total", Map.of(), START, END.plusSeconds(60));
    assertThat(counting.reads).hasSize(2);
  }
}
