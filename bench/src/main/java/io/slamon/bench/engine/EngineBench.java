package io.slamon.bench.engine;

import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloEvaluator;
import io.slamon.slo.SloResult;
import io.slamon.slo.SloWindow;
import io.slamon.slo.StoredSliSource;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SLO engine speed on a real (embedded) PostgreSQL: {@code tenants} × 10 SLOs (4 availability, 3
 * TTFT share-under, 3 latency share-under), each over a 30-day rolling window, evaluated with the
 * production {@link SloEvaluator} and {@link StoredSliSource}. The data set is generated directly
 * into the rollup tables (12 series per tenant: 2xx/5xx requests, 4 TTFT and 4 latency buckets plus
 * their counts; hourly rows for the 30 days, minute rows where the window's partial hours are).
 * See docs/benchmarks.md "SLO engine"; run with {@code bench/run-engine-bench.sh [tenants]}.
 */
public final class EngineBench {
  private static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");
  private static final Duration WINDOW = Duration.ofDays(30);
  /** metric, labels, increase per hour. */
  private static final String SERIES_PER_TENANT = "VALUES"
      + " ('http_requests_total', '{\"status\":\"2xx\"}', 6000.0), ('http_requests_total', '{\"status\":\"5xx\"}', 3.0),"
      + " ('vllm:time_to_first_token_seconds_bucket', '{\"le\":\"0.1\"}', 3000.0),"
      + " ('vllm:time_to_first_token_seconds_bucket', '{\"le\":\"0.25\"}', 5000.0),"
      + " ('vllm:time_to_first_token_seconds_bucket', '{\"le\":\"0.5\"}', 5900.0),"
      + " ('vllm:time_to_first_token_seconds_bucket', '{\"le\":\"+Inf\"}', 6003.0),"
      + " ('vllm:time_to_first_token_seconds_count', '{}', 6003.0),"
      + " ('vllm:e2e_request_latency_seconds_bucket', '{\"le\":\"0.5\"}', 2000.0),"
      + " ('vllm:e2e_request_latency_seconds_bucket', '{\"le\":\"1\"}', 5000.0),"
      + " ('vllm:e2e_request_latency_seconds_bucket', '{\"le\":\"2.5\"}', 5990.0),"
      + " ('vllm:e2e_request_latency_seconds_bucket', '{\"le\":\"+Inf\"}', 6003.0),"
      + " ('vllm:e2e_request_latency_seconds_count', '{}', 6003.0)";

  private EngineBench() {}

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Files.createTempDirectory("slamon-engine-bench");
    try (Database db = Database.open(new DatabaseSettings(null, null, null, dir), m -> {})) {
      System.out.println("database: " + db.backend().describe());
      long t = System.nanoTime();
      long[] rows = fill(db, tenants);
      System.out.printf(Locale.ROOT, "data set: %,d tenants x 12 series, %,d hourly and %,d minute rollup rows"
          + " (generated in %.0f s)%n", tenants, rows[0], rows[1], (System.nanoTime() - t) / 1e9);
      List<SloDefinition> slos = slos(tenants);
      SloEvaluator evaluator = new SloEvaluator(new StoredSliSource(db.rollupReader()),
          InstantSource.fixed(NOW));
      double best = Double.MAX_VALUE;
      for (int round = 1; round <= 3; round++) {
        // a new source per round: nothing carried over from the previous round
        evaluator = new SloEvaluator(new StoredSliSource(db.rollupReader()), InstantSource.fixed(NOW));
        t = System.nanoTime();
        List<SloResult> results = new ArrayList<>(slos.size());
        for (SloDefinition slo : slos) {
          results.add(evaluator.evaluate(slo));
        }
        double secs = (System.nanoTime() - t) / 1e9;
        best = Math.min(best, secs);
        System.out.printf(Locale.ROOT, "round %d: %,d SLOs evaluated over 30 days in %.2f s (first: %s good %.0f of %.0f)%n",
            round, results.size(), secs, results.getFirst().slo().name(), results.getFirst().counts().good(),
            results.getFirst().counts().total());
      }
      System.out.printf(Locale.ROOT, "best round: %.2f s; target < 5 s: %s%n", best, best < 5 ? "met" : "NOT met");
      perTenantQueries(db, Math.min(tenants, 100));
    } finally {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** For comparison: one query per SLO and metric (what the source did before sharing loads). */
  private static void perTenantQueries(Database db, int tenants) {
    Instant from = NOW.minus(WINDOW).truncatedTo(ChronoUnit.MINUTES);
    long t = System.nanoTime();
    for (int i = 1; i <= tenants; i++) {
      String tenant = tenant(i);
      for (int slo = 0; slo < 4; slo++) {
        db.rollupReader().totals(tenant, "http_requests_total", Map.of(), from, NOW);
      }
      for (String family : List.of("vllm:time_to_first_token_seconds", "vllm:e2e_request_latency_seconds")) {
        for (int slo = 0; slo < 3; slo++) {
          db.rollupReader().totals(tenant, family + "_bucket", Map.of(), from, NOW);
          db.rollupReader().totals(tenant, family + "_count", Map.of(), from, NOW);
        }
      }
    }
    double secs = (System.nanoTime() - t) / 1e9;
    System.out.printf(Locale.ROOT, "for comparison, one query per tenant, SLO and metric: %d tenants x 10 SLOs in %.2f s"
        + " (%.1f ms per SLO)%n", tenants, secs, secs * 1000 / (tenants * 10));
  }

  static String tenant(int i) {
    return String.format(Locale.ROOT, "t%04d", i);
  }

  private static List<SloDefinition> slos(int tenants) {
    SloWindow window = new SloWindow.Rolling(WINDOW);
    List<SloDefinition> slos = new ArrayList<>();
    for (int i = 1; i <= tenants; i++) {
      String t = tenant(i);
      double[] objectives = {0.99, 0.995, 0.999, 0.9995};
      for (int k = 0; k < objectives.length; k++) {
        slos.add(new SloDefinition(t, "availability-" + k, SliKind.AVAILABILITY, 0, objectives[k], window));
      }
      for (double threshold : new double[] {0.1, 0.25, 0.5}) {
        slos.add(new SloDefinition(t, "ttft-" + threshold, SliKind.TTFT_UNDER, threshold, 0.95, window));
      }
      for (double threshold : new double[] {0.5, 1, 2.5}) {
        slos.add(new SloDefinition(t, "latency-" + threshold, SliKind.LATENCY_UNDER, threshold, 0.95, window));
      }
    }
    return slos;
  }

  /** Returns {hourly rows, minute rows}. */
  private static long[] fill(Database db, int tenants) throws SQLException {
    Instant from = NOW.minus(WINDOW);
    // one marker sample per day makes the store create the daily partitions of every table
    List<Sample> markers = new ArrayList<>();
    for (Instant d = from.minus(Duration.ofDays(1)); d.isBefore(NOW.plus(Duration.ofDays(1))); d = d.plus(Duration.ofDays(1))) {
      markers.add(new Sample(null, "bench_partition_marker", Map.of(), d.toEpochMilli(), 0));
    }
    db.sampleStore().write(markers);
    Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
    Instant lastHour = NOW.truncatedTo(ChronoUnit.HOURS);
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      // bulk load without the (covering) primary key, then build it once (faster than maintaining it per row)
      s.execute("ALTER TABLE rollups_1h DROP CONSTRAINT rollups_1h_pkey");
      s.execute("CREATE TEMP TABLE bench_kinds (metric text, labels jsonb, per_hour float8)");
      s.execute("INSERT INTO bench_kinds SELECT k.m, k.l::jsonb, k.p FROM (" + SERIES_PER_TENANT + ") AS k(m, l, p)");
      s.execute("INSERT INTO series (tenant, metric, labels) SELECT 't' || lpad(t::text, 4, '0'), k.metric, k.labels"
          + " FROM generate_series(1, " + tenants + ") t, bench_kinds k");
      long hourly = insert(c, "INSERT INTO rollups_1h (series_id, hour, count, sum, min, max, increase)"
          + " SELECT s.id, h, 240, 0, 0, 0, k.per_hour FROM series s JOIN bench_kinds k USING (metric, labels),"
          + " generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h WHERE s.tenant IS NOT NULL",
          firstHour, lastHour);
      // minutes only where the window has partial hours: the first two and the last hours
      long minutes = insert(c, "INSERT INTO rollups_1m (series_id, minute, count, sum, min, max, first, last, last_ts, increase)"
          + " SELECT s.id, m, 4, 0, 0, 0, 0, 0, m, k.per_hour / 60 FROM series s JOIN bench_kinds k USING (metric, labels),"
          + " generate_series(?::timestamptz, ?::timestamptz, interval '1 minute') m WHERE s.tenant IS NOT NULL",
          firstHour, firstHour.plus(Duration.ofMinutes(119)));
      minutes += insert(c, "INSERT INTO rollups_1m (series_id, minute, count, sum, min, max, first, last, last_ts, increase)"
          + " SELECT s.id, m, 4, 0, 0, 0, 0, 0, m, k.per_hour / 60 FROM series s JOIN bench_kinds k USING (metric, labels),"
          + " generate_series(?::timestamptz, ?::timestamptz, interval '1 minute') m WHERE s.tenant IS NOT NULL",
          lastHour, NOW.truncatedTo(ChronoUnit.MINUTES));
      s.execute("ALTER TABLE rollups_1h ADD CONSTRAINT rollups_1h_pkey PRIMARY KEY (series_id, hour) INCLUDE (count, increase)");
      s.execute("VACUUM ANALYZE");
      return new long[] {hourly, minutes};
    }
  }

  private static long insert(Connection c, String sql, Instant a, Instant b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, OffsetDateTime.ofInstant(a, ZoneOffset.UTC));
      ps.setObject(2, OffsetDateTime.ofInstant(b, ZoneOffset.UTC));
      return ps.executeUpdate();
    }
  }
}
