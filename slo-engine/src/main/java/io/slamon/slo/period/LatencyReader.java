package io.slamon.slo.period;

import io.slamon.slo.CounterMath;
import io.slamon.slo.HistogramBucket;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.TimeInterval;
import io.slamon.store.SampleReader;
import io.slamon.store.SampleReader.Point;
import io.slamon.store.SampleReader.Series;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency histograms of one tenant per endpoint (the {@code model_name} label) and ISO week
 * (Monday to Monday in the contract's zone, clipped to the month), as cumulative bucket increases
 * — what {@link io.slamon.slo.HistogramQuantile} turns into p95/p99.
 */
final class LatencyReader {
  static final String TTFT = "vllm:time_to_first_token_seconds_bucket";
  static final String E2E = "vllm:e2e_request_latency_seconds_bucket";

  private LatencyReader() {}

  static List<PeriodInputs.LatencyFact> read(SampleReader reader, String tenant, List<SloDefinition> slos, TimeInterval period, ZoneId zone) {
    List<Series> ttft = reader.query(tenant, TTFT, Map.of(), period.start(), period.end());
    List<Series> e2e = reader.query(tenant, E2E, Map.of(), period.start(), period.end());
    TreeMap<String, Boolean> endpoints = new TreeMap<>();
    ttft.forEach(s -> endpoints.put(endpoint(s), true));
    e2e.forEach(s -> endpoints.put(endpoint(s), true));
    double ttftObjective = StoredPeriodInputs.thresholdOf(slos, SliKind.TTFT_UNDER);
    double e2eObjective = StoredPeriodInputs.thresholdOf(slos, SliKind.LATENCY_UNDER);
    List<PeriodInputs.LatencyFact> out = new ArrayList<>();
    for (String endpoint : endpoints.keySet()) {
      LocalDate monday = period.start().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      for (; monday.atStartOfDay(zone).toInstant().isBefore(period.end()); monday = monday.plusWeeks(1)) {
        Instant from = max(monday.atStartOfDay(zone).toInstant(), period.start());
        Instant to = min(monday.plusWeeks(1).atStartOfDay(zone).toInstant(), period.end());
        List<HistogramBucket> t = buckets(ttft, endpoint, from, to);
        List<HistogramBucket> e = buckets(e2e, endpoint, from, to);
        if (total(t) > 0 || total(e) > 0) {
          String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
          out.add(new PeriodInputs.LatencyFact(endpoint, week, t, e, ttftObjective, e2eObjective));
        }
      }
    }
    return out;
  }

  private static String endpoint(Series s) {
    return s.labels().getOrDefault("model_name", s.labels().getOrDefault("model", s.labels().getOrDefault("instance", "?")));
  }

  private static List<HistogramBucket> buckets(List<Series> all, String endpoint, Instant from, Instant to) {
    TreeMap<Double, Double> byLe = new TreeMap<>();
    for (Series s : all) {
      if (!endpoint.equals(endpoint(s))) {
        continue;
      }
      double le = parseLe(s.labels().get("le"));
      if (Double.isNaN(le)) {
        continue;
      }
      List<Double> values = new ArrayList<>();
      for (Point p : s.points()) {
        if (p.timestampMillis() >= from.toEpochMilli() && p.timestampMillis() < to.toEpochMilli()) {
          values.add(p.value());
        }
      }
      byLe.merge(le, CounterMath.increase(values), Double::sum);
    }
    List<HistogramBucket> out = new ArrayList<>();
    if (total(byLe) <= 0) {
      return out;
    }
    byLe.forEach((le, count) -> out.add(new HistogramBucket(le, count)));
    return out;
  }

  private static double total(TreeMap<Double, Double> byLe) {
    return byLe.isEmpty() ? 0 : byLe.lastEntry().getValue();
  }

  private static double total(List<HistogramBucket> b) {
    return b.isEmpty() ? 0 : b.get(b.size() - 1).count();
  }

  private static double parseLe(String le) {
    if (le == null) {
      return Double.NaN;
    }
    if (le.equals("+Inf") || le.equals("Inf")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(le);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
