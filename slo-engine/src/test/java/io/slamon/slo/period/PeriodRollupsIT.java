package io.slamon.slo.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slamon.slo.CounterMath;
import io.slamon.slo.HistogramBucket;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloWindow;
import io.slamon.slo.StoredSliSource;
import io.slamon.slo.TimeInterval;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import io.slamon.store.SampleReader;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The period job's counter-based numbers come from the rollups and equal what the raw samples give
 * (counters and a histogram with resets, across a day, a week and the month boundary): daily and
 * monthly SLO counts, and the weekly latency histograms per endpoint. The raw reference is {@link
 * CounterMath#increase} over each series' points in the window starting from the last point before
 * it (the step into a window belongs to it, so adjacent windows add up — as in the rollups), and
 * no step across a gap of more than an hour. The data has such a gap (1 to 4 October).
 */
class PeriodRollupsIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String TENANT = "acme";
  // October 2026 in Berlin; data from Sunday 4 Oct 20:00 to Tuesday 6 Oct 04:00 (a week boundary,
  // two day boundaries), plus the last hours of September (before the month: must not count).
  private static final Instant FROM = berlin("2026-09-30T22:00");
  private static final Instant TO = berlin("2026-10-06T04:00");
  private static final TimeInterval OCTOBER = new TimeInterval(berlin("2026-10-01T00:00"), berlin("2026-11-01T00:00"));
  private static final String TTFT = "vllm:time_to_first_token_seconds";
  private static DatabaseSettings settings;
  private static Database db;

  @BeforeAll
  static void fill() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, message -> {});
    Random random = new Random(7);
    List<Sample> batch = new ArrayList<>();
    for (String model : List.of("llama-70b", "mistral-7b")) {
      double ok = 0;
      double failed = 0;
      double[] buckets = new double[3]; // le 0.1, 0.5, +Inf (cumulative)
      int step = 0;
      for (Instant t = FROM; t.isBefore(TO); t = t.plusSeconds(60), step++) {
        if (t.isBefore(berlin("2026-10-04T20:00")) && !t.isBefore(berlin("2026-10-01T02:00"))) {
          continue; // a quiet stretch: the month's first hours and the data around the week boundary
        }
        if (step % 997 == 500) { // the server restarts: every counter starts over
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
        long at = t.toEpochMilli();
        Map<String, String> m = Map.of("model_name", model);
        batch.add(new Sample(TENANT, "http_requests_total", with(m, "status", "2xx"), at, ok));
        batch.add(new Sample(TENANT, "http_requests_total", with(m, "status", "5xx"), at, failed));
        batch.add(new Sample(TENANT, TTFT + "_bucket", with(m, "le", "0.1"), at, buckets[0]));
        batch.add(new Sample(TENANT, TTFT + "_bucket", with(m, "le", "0.5"), at, buckets[1]));
        batch.add(new Sample(TENANT, TTFT + "_bucket", with(m, "le", "+Inf"), at, buckets[2]));
        batch.add(new Sample(TENANT, TTFT + "_count", m, at, buckets[2]));
        // the tenant next door, same metrics and times, far bigger numbers: must never show up in acme's
        batch.add(new Sample("other", "http_requests_total", Map.of("status", "5xx", "model_name", model), at, step * 1e6));
        batch.add(new Sample("other", TTFT + "_bucket", Map.of("le", "+Inf", "model_name", model), at, step * 1e6));
        if (batch.size() >= 2000) {
          db.sampleStore().write(batch);
          batch.clear();
        }
      }
    }
    db.sampleStore().write(batch);
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }

  @Test
  void dailyAndMonthlySloCountsFromRollupsEqualTheRawSamplesAndTheEnginesAllTenantTotals() {
    var periodSli = new StoredSliSource(new TenantRollups(db.rollupReader(), TENANT));
    var engineSli = new StoredSliSource(db.rollupReader());
    for (SloDefinition slo : List.of(slo(SliKind.AVAILABILITY, 0), slo(SliKind.TTFT_UNDER, 0.5))) {
      PeriodInputs.SloFact fact = StoredPeriodInputs.slo(periodSli, slo, OCTOBER, BERLIN);
      assertThat(fact.days()).hasSize(31);
      double daysTotal = 0;
      for (int i = 0; i < fact.days().size(); i++) {
        Instant dayStart = fact.days().get(i).atStartOfDay(BERLIN).toInstant();
        Instant dayEnd = fact.days().get(i).plusDays(1).atStartOfDay(BERLIN).toInstant();
        SliCounts raw = raw(slo, dayStart, dayEnd);
        SliCounts day = fact.perDay().get(i);
        assertThat(day.total()).as(slo.kind() + " " + fact.days().get(i)).isCloseTo(raw.total(), within(1e-6));
        assertThat(day.good()).as(slo.kind() + " " + fact.days().get(i)).isCloseTo(raw.good(), within(1e-6));
        SliCounts engine = engineSli.counts(slo, dayStart, dayEnd);
        assertThat(day.total()).isCloseTo(engine.total(), within(1e-6));
        assertThat(day.good()).isCloseTo(engine.good(), within(1e-6));
        daysTotal += day.total();
      }
      SliCounts rawMonth = raw(slo, OCTOBER.start(), OCTOBER.end());
      assertThat(rawMonth.total()).isPositive();
      assertThat(rawMonth.good()).isLessThan(rawMonth.total());
      assertThat(fact.month().total()).isCloseTo(rawMonth.total(), within(1e-6)).isCloseTo(daysTotal, within(1e-6));
      assertThat(fact.month().good()).isCloseTo(rawMonth.good(), within(1e-6));
    }
  }

  @Test
  void weeklyLatencyHistogramsPerEndpointFromRollupsEqualTheRawSamples() {
    List<PeriodInputs.LatencyFact> facts = LatencyReader.read(db.rollupReader(), TENANT, List.of(), OCTOBER, BERLIN);
    // ISO weeks 40 (Thu 1 Oct – Sun 4 Oct) and 41 (from Mon 5 Oct), for each of the two endpoints
    assertThat(facts).extracting(f -> f.endpoint() + " " + f.week())
        .containsExactly("llama-70b 2026-W40", "llama-70b 2026-W41", "mistral-7b 2026-W40", "mistral-7b 2026-W41");
    for (PeriodInputs.LatencyFact f : facts) {
      Instant weekStart = f.week().endsWith("W40") ? OCTOBER.start() : berlin("2026-10-05T00:00");
      Instant weekEnd = f.week().endsWith("W40") ? berlin("2026-10-05T00:00") : berlin("2026-10-12T00:00");
      List<HistogramBucket> raw = new ArrayList<>();
      for (String le : List.of("0.1", "0.5", "+Inf")) {
        raw.add(new HistogramBucket(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
            rawIncrease(TTFT + "_bucket", Map.of("model_name", f.endpoint(), "le", le), weekStart, weekEnd)));
      }
      assertThat(f.ttft()).as(f.endpoint() + " " + f.week()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(f.ttft().get(i).upperBound()).isEqualTo(raw.get(i).upperBound());
        assertThat(f.ttft().get(i).count()).as(f.endpoint() + " " + f.week() + " le " + raw.get(i).upperBound())
            .isCloseTo(raw.get(i).count(), within(1e-6));
      }
      assertThat(f.e2e()).isEmpty();
    }
  }

  private static SliCounts raw(SloDefinition slo, Instant from, Instant to) {
    if (slo.kind() == SliKind.AVAILABILITY) {
      double total = rawIncrease("http_requests_total", Map.of(), from, to);
      return new SliCounts(total - rawIncrease("http_requests_total", Map.of("status", "5xx"), from, to), total);
    }
    return new SliCounts(rawIncrease(TTFT + "_bucket", Map.of("le", "0.5"), from, to), rawIncrease(TTFT + "_count", Map.of(), from, to));
  }

  /**
   * Sum over series of the reset-aware increase from the last point before {@code from} (within an
   * hour) to the last before {@code to}; a step across a gap of more than an hour is not an
   * increase (the rollups look back at most an hour for the sample before a minute).
   */
  private static double rawIncrease(String metric, Map<String, String> matchers, Instant from, Instant to) {
    double sum = 0;
    for (SampleReader.Series s : db.sampleStore().query(TENANT, metric, matchers, from.minusSeconds(3600), to)) {
      List<Double> run = new ArrayList<>();
      SampleReader.Point previous = null;
      for (SampleReader.Point p : s.points()) {
        if (previous != null && p.timestampMillis() - previous.timestampMillis() > 3_600_000L) {
          sum += CounterMath.increase(run);
          run.clear();
        }
        if (p.timestampMillis() >= from.toEpochMilli()) {
          if (run.isEmpty() && previous != null && p.timestampMillis() - previous.timestampMillis() <= 3_600_000L) {
            run.add(previous.value());
          }
          run.add(p.value());
        }
        previous = p;
      }
      sum += CounterMath.increase(run);
    }
    return sum;
  }

  private static SloDefinition slo(SliKind kind, double threshold) {
    return new SloDefinition(TENANT, kind.name(), kind, threshold, 0.99, new SloWindow.Calendar(1, BERLIN));
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    var out = new java.util.HashMap<>(labels);
    out.put(key, value);
    return Map.copyOf(out);
  }

  private static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }
}
