package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import io.slamon.store.SampleReader;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rollup-based SLI counts equal the counts computed from the raw samples of the same data
 * (counters with resets, a histogram with resets), on a real embedded PostgreSQL. The raw
 * reference is {@link CounterMath#increase} over each series' points in the window, starting from
 * the last point before the window (the step into the window belongs to it, as in the rollups).
 */
class StoredSliSourceRollupIT {
  private static final String TENANT = "acme";
  private static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");
  private static final int SECONDS = 3 * 3600;
  private static DatabaseSettings settings;
  private static Database db;

  @BeforeAll
  static void fill() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, message -> {});
    Random random = new Random(42);
    double ok = 0;
    double failed = 0;
    double[] buckets = new double[3]; // le 0.1, 0.5, +Inf (cumulative)
    List<Sample> batch = new ArrayList<>();
    for (int s = 0; s < SECONDS; s += 15) {
      if (s == 3000 || s == 7777 - 7777 % 15) { // the server restarts: every counter starts over
        ok = 0;
        failed = 0;
        buckets = new double[3];
      }
      ok += random.nextInt(50);
      failed += random.nextInt(100) < 10 ? random.nextInt(5) : 0;
      double fast = random.nextInt(20);
      double mid = fast + random.nextInt(10);
      double all = mid + random.nextInt(5);
      buckets[0] += fast;
      buckets[1] += mid;
      buckets[2] += all;
      long at = T0.plusSeconds(s).toEpochMilli();
      batch.add(new Sample(TENANT, StoredSliSource.HTTP_REQUESTS, Map.of("status", "2xx"), at, ok));
      batch.add(new Sample(TENANT, StoredSliSource.HTTP_REQUESTS, Map.of("status", "5xx"), at, failed));
      batch.add(new Sample(TENANT, StoredSliSource.TTFT + "_bucket", Map.of("le", "0.1"), at, buckets[0]));
      batch.add(new Sample(TENANT, StoredSliSource.TTFT + "_bucket", Map.of("le", "0.5"), at, buckets[1]));
      batch.add(new Sample(TENANT, StoredSliSource.TTFT + "_bucket", Map.of("le", "+Inf"), at, buckets[2]));
      batch.add(new Sample(TENANT, StoredSliSource.TTFT + "_count", Map.of(), at, buckets[2]));
      if (batch.size() >= 600) {
        db.sampleStore().write(batch);
        batch.clear();
      }
    }
    db.sampleStore().write(batch);
    // a tenant next door whose traffic must not leak into acme's counts
    db.sampleStore().write(List.of(
        new Sample("other", StoredSliSource.HTTP_REQUESTS, Map.of("status", "5xx"), T0.plusSeconds(60).toEpochMilli(), 0),
        new Sample("other", StoredSliSource.HTTP_REQUESTS, Map.of("status", "5xx"), T0.plusSeconds(90).toEpochMilli(), 1e6)));
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }

  @ParameterizedTest(name = "window starting {0} min after the start, {1} min long")
  @CsvSource({"0, 180", "1, 60", "45, 30", "50, 5", "120, 1", "129, 60"})
  void rollupCountsEqualRawSampleCounts(int startMinute, int minutes) {
    Instant from = T0.plus(Duration.ofMinutes(startMinute));
    Instant to = from.plus(Duration.ofMinutes(minutes));
    StoredSliSource source = new StoredSliSource(db.rollupReader());

    SliCounts availability = source.counts(slo(SliKind.AVAILABILITY, 0), from, to);
    SliCounts ttft = source.counts(slo(SliKind.TTFT_UNDER, 0.5), from, to);

    double total = rawIncrease(StoredSliSource.HTTP_REQUESTS, Map.of(), from, to);
    double bad = rawIncrease(StoredSliSource.HTTP_REQUESTS, Map.of("status", "5xx"), from, to);
    assertThat(total).isPositive();
    assertThat(availability.total()).isCloseTo(total, within(1e-6));
    assertThat(availability.good()).isCloseTo(total - bad, within(1e-6));
    assertThat(ttft.total()).isCloseTo(rawIncrease(StoredSliSource.TTFT + "_count", Map.of(), from, to), within(1e-6));
    assertThat(ttft.good()).isCloseTo(
        rawIncrease(StoredSliSource.TTFT + "_bucket", Map.of("le", "0.5"), from, to), within(1e-6));
  }

  @ParameterizedTest(name = "split at minute {0}")
  @CsvSource({"50", "100", "129"})
  void adjacentWindowsAddUpToTheWholeWindow(int splitMinute) {
    StoredSliSource source = new StoredSliSource(db.rollupReader());
    Instant split = T0.plus(Duration.ofMinutes(splitMinute));
    Instant end = T0.plusSeconds(SECONDS);

    double whole = source.counts(slo(SliKind.AVAILABILITY, 0), T0, end).total();
    double parts = source.counts(slo(SliKind.AVAILABILITY, 0), T0, split).total()
        + source.counts(slo(SliKind.AVAILABILITY, 0), split, end).total();

    assertThat(parts).isCloseTo(whole, within(1e-6));
  }

  @org.junit.jupiter.api.Test
  void aTenantCountsOnlyItsOwnRequestsAlthoughTotalsAreLoadedForAllTenants() {
    StoredSliSource source = new StoredSliSource(db.rollupReader());
    Instant from = T0;
    Instant to = T0.plus(Duration.ofMinutes(3));

    SliCounts acme = source.counts(slo(SliKind.AVAILABILITY, 0), from, to);
    SliCounts other = source.counts(new SloDefinition("other", "slo", SliKind.AVAILABILITY, 0, 0.99,
        new SloWindow.Rolling(Duration.ofDays(30))), from, to);
    SliCounts nobody = source.counts(new SloDefinition("nobody", "slo", SliKind.AVAILABILITY, 0, 0.99,
        new SloWindow.Rolling(Duration.ofDays(30))), from, to);

    assertThat(acme.total()).isCloseTo(rawIncrease(StoredSliSource.HTTP_REQUESTS, Map.of(), from, to), within(1e-6));
    assertThat(other).isEqualTo(new SliCounts(0, 1e6));
    assertThat(nobody).isEqualTo(SliCounts.NONE);
  }

  @org.junit.jupiter.api.Test
  void aNewRoundReadsSamplesThatArrivedAfterThePreviousRoundsLoad() {
    StoredSliSource source = new StoredSliSource(db.rollupReader());
    SloDefinition late = new SloDefinition("late", "slo", SliKind.AVAILABILITY, 0, 0.99,
        new SloWindow.Rolling(Duration.ofDays(30)));
    Instant from = T0.plus(Duration.ofDays(2));
    Instant to = from.plus(Duration.ofMinutes(5));
    db.sampleStore().write(List.of(
        new Sample("late", StoredSliSource.HTTP_REQUESTS, Map.of("status", "2xx"), from.toEpochMilli(), 0),
        new Sample("late", StoredSliSource.HTTP_REQUESTS, Map.of("status", "2xx"), from.plusSeconds(30).toEpochMilli(), 10)));
    assertThat(source.counts(late, from, to).total()).isEqualTo(10.0);

    db.sampleStore().write(List.of(
        new Sample("late", StoredSliSource.HTTP_REQUESTS, Map.of("status", "2xx"), from.plusSeconds(90).toEpochMilli(), 25)));

    assertThat(source.counts(late, from, to).total()).as("within a round the load is shared").isEqualTo(10.0);
    source.startRound();
    assertThat(source.counts(late, from, to).total()).isEqualTo(25.0);
  }

  @Test
  void ttftAndLatencyAddUpEveryServersHistogramInItsUnit() {
    String tenant = "servers";
    long first = T0.plusSeconds(60).toEpochMilli();
    long second = T0.plusSeconds(120).toEpochMilli();
    List<Sample> samples = new ArrayList<>();
    java.util.function.BiConsumer<String, double[]> series = (name, values) -> {
      String[] parts = name.split("\\|", -1); // metric|le (le empty: no label)
      Map<String, String> labels = parts[1].isEmpty() ? Map.of() : Map.of("le", parts[1]);
      samples.add(new Sample(tenant, parts[0], labels, first, values[0]));
      samples.add(new Sample(tenant, parts[0], labels, second, values[1]));
    };
    // OTLP GenAI TTFT (seconds): 30 of 40 at or under 0.5 s
    series.accept("gen_ai_server_time_to_first_token_seconds_bucket|0.5", new double[] {0, 30});
    series.accept("gen_ai_server_time_to_first_token_seconds_bucket|+Inf", new double[] {0, 40});
    series.accept("gen_ai_server_time_to_first_token_seconds_count|", new double[] {0, 40});
    // Triton first response (milliseconds): 5 of 10 at or under 500 ms = 0.5 s
    series.accept("nv_inference_first_response_histogram_ms_bucket|500", new double[] {0, 5});
    series.accept("nv_inference_first_response_histogram_ms_bucket|+Inf", new double[] {0, 10});
    series.accept("nv_inference_first_response_histogram_ms_count|", new double[] {0, 10});
    // end to end: TGI 7 of 9 and OTLP GenAI 1 of 1 at or under 1 s
    series.accept("tgi_request_duration_bucket|1", new double[] {0, 7});
    series.accept("tgi_request_duration_bucket|+Inf", new double[] {0, 9});
    series.accept("tgi_request_duration_count|", new double[] {0, 9});
    series.accept("gen_ai_server_request_duration_seconds_bucket|1", new double[] {0, 1});
    series.accept("gen_ai_server_request_duration_seconds_bucket|+Inf", new double[] {0, 1});
    series.accept("gen_ai_server_request_duration_seconds_count|", new double[] {0, 1});
    db.sampleStore().write(samples);
    StoredSliSource source = new StoredSliSource(db.rollupReader());
    SloWindow month = new SloWindow.Rolling(Duration.ofDays(30));

    SliCounts ttft = source.counts(new SloDefinition(tenant, "ttft", SliKind.TTFT_UNDER, 0.5, 0.99, month), T0, T0.plusSeconds(3600));
    SliCounts latency = source.counts(new SloDefinition(tenant, "e2e", SliKind.LATENCY_UNDER, 1, 0.99, month), T0, T0.plusSeconds(3600));

    assertThat(ttft.good()).isEqualTo(35);
    assertThat(ttft.total()).isEqualTo(50);
    assertThat(latency.good()).isEqualTo(8);
    assertThat(latency.total()).isEqualTo(10);
  }

  private static SloDefinition slo(SliKind kind, double threshold) {
    return new SloDefinition(TENANT, "slo", kind, threshold, 0.99, new SloWindow.Rolling(Duration.ofDays(30)));
  }

  /** Sum over the matching series of the reset-aware increase from the last point before the window. */
  private static double rawIncrease(String metric, Map<String, String> matchers, Instant from, Instant to) {
    double sum = 0;
    for (SampleReader.Series s : db.sampleStore().query(TENANT, metric, matchers, from.minus(Duration.ofHours(1)), to)) {
      List<Double> values = new ArrayList<>();
      Double before = null;
      for (SampleReader.Point p : s.points()) {
        if (p.timestampMillis() < from.toEpochMilli()) {
          before = p.value();
        } else {
          values.add(p.value());
        }
      }
      if (before != null) {
        values.addFirst(before);
      }
      sum += CounterMath.increase(values);
    }
    return sum;
  }
}
