package io.slamon.slo.period;

import io.slamon.slo.HistogramBucket;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.TimeInterval;
import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.SeriesTotal;
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
 * — what {@link io.slamon.slo.HistogramQuantile} turns into p95/p99. Read from the rollups: per
 * series and week the database sums the minutes' reset-aware increases, each including the step
 * from the sample before the minute, so the weeks add up to the month and nothing needs raw samples.
 */
final class LatencyReader {
  static final String TTFT = "vllm:time_to_first_token_seconds_bucket";
  static final String E2E = "vllm:e2e_request_latency_seconds_bucket";

  private LatencyReader() {}

  static List<PeriodInputs.LatencyFact> read(RollupReader rollups, String tenant, List<SloDefinition> slos, TimeInterval period, ZoneId zone) {
    double ttftObjective = StoredPeriodInputs.thresholdOf(slos, SliKind.TTFT_UNDER);
    double e2eObjective = StoredPeriodInputs.thresholdOf(slos, SliKind.LATENCY_UNDER);
    List<PeriodInputs.LatencyFact> out = new ArrayList<>();
    TreeMap<String, List<PeriodInputs.LatencyFact>> byEndpoint = new TreeMap<>();
    LocalDate monday = period.start().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (; monday.atStartOfDay(zone).toInstant().isBefore(period.end()); monday = monday.plusWeeks(1)) {
      Instant from = max(monday.atStartOfDay(zone).toInstant(), period.start());
      Instant to = min(monday.plusWeeks(1).atStartOfDay(zone).toInstant(), period.end());
      List<SeriesTotal> ttft = rollups.totals(tenant, TTFT, Map.of(), from, to);
      List<SeriesTotal> e2e = rollups.totals(tenant, E2E, Map.of(), from, to);
      TreeMap<String, Boolean> endpoints = new TreeMap<>();
      ttft.forEach(s -> endpoints.put(endpoint(s.labels()), true));
      e2e.forEach(s -> endpoints.put(endpoint(s.labels()), true));
      String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      for (String endpoint : endpoints.keySet()) {
        List<HistogramBucket> t = buckets(ttft, endpoint);
        List<HistogramBucket> e = buckets(e2e, endpoint);
        if (total(t) > 0 || total(e) > 0) {
          byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(new PeriodInputs.LatencyFact(endpoint, week, t, e, ttftObjective, e2eObjective));
        }
      }
    }
    byEndpoint.values().forEach(out::addAll); // per endpoint, then week (the report's order)
    return out;
  }

  static String endpoint(Map<String, String> labels) {
    return labels.getOrDefault("model_name", labels.getOrDefault("model", labels.getOrDefault("instance", "?")));
  }

  private static List<HistogramBucket> buckets(List<SeriesTotal> all, String endpoint) {
    TreeMap<Double, Double> byLe = new TreeMap<>();
    for (SeriesTotal s : all) {
      if (!endpoint.equals(endpoint(s.labels()))) {
        continue;
      }
      double le = parseLe(s.labels().get("le"));
      if (!Double.isNaN(le)) {
        byLe.merge(le, s.increase(), Double::sum);
      }
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
