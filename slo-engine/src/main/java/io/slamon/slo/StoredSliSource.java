package io.slamon.slo;

import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.SeriesTotal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Reads SLI counts from the store's 1-minute rollups, never raw samples. Counter-based SLIs
 * (availability, TTFT and latency share under a threshold) are summed in the database: per series the database sums
 * the minutes' reset-aware increases (each including the step from the sample before the minute,
 * so adjacent windows add up), then this class sums across series. A window is resolved to whole
 * minutes: those starting in {@code [floor(from), to)}, so the minute containing {@code to} counts
 * with the samples it has so far (for a window ending now, everything ingested). Totals are read
 * for all tenants at once and each tenant gets only its own series (tenant isolation is checked in
 * {@code StoredSliSourceRollupIT}).
 */
public final class StoredSliSource implements SliSource {
  static final String HTTP_REQUESTS = "http_requests_total";
  static final String TTFT = "vllm:time_to_first_token_seconds";
  static final String E2E = "vllm:e2e_request_latency_seconds";

  /**
   * How long totals loaded for all tenants are reused after the load finished, unless {@link
   * #startRound()} drops them earlier: long enough for one round to evaluate every tenant from the
   * same loads, short enough that a caller who never starts rounds sees data at most this old.
   */
  static final long SHARED_NANOS = 20_000_000_000L;

  private final java.util.concurrent.ConcurrentHashMap<Window, Loaded> shared = new java.util.concurrent.ConcurrentHashMap<>();
  private final RollupReader rollups;

  public StoredSliSource(RollupReader rollups) {
    this.rollups = rollups;
  }

  @Override
  public SliCounts counts(SloDefinition slo, Instant from, Instant to) {
    return switch (slo.kind()) {
      case AVAILABILITY -> availability(slo.tenant(), from, to);
      case TTFT_UNDER -> everySource(slo.tenant(), InferenceSource::ttft, slo.threshold(), from, to);
      case LATENCY_UNDER -> everySource(slo.tenant(), InferenceSource::e2e, slo.threshold(), from, to);
      case ERROR_RATE, QUEUE_DEPTH_UNDER, RAG_FRESHNESS_UNDER, GPU_CAPACITY, TOKEN_ANOMALY, COMPONENT_AVAILABILITY ->
          new BuiltInSlis(rollups, null, this).counts(slo, from, to);
    };
  }

  private SliCounts availability(String tenant, Instant from, Instant to) {
    double total = 0;
    double bad = 0;
    for (SeriesTotal s : totals(tenant, HTTP_REQUESTS, from, to)) {
      double inc = s.increase();
      total += inc;
      if ("5xx".equals(s.labels().get("status"))) {
        bad += inc;
      }
    }
    return new SliCounts(Math.max(0, total - bad), total);
  }

  /**
   * The share under {@code threshold} seconds summed over every supported server's histogram
   * family ({@link InferenceSource#ALL}: vLLM, TGI, Triton, SGLang, OTLP GenAI), so an SLO holds
   * whichever server the tenant runs; a family a server does not expose contributes nothing.
   * Triton's first-response histogram is in milliseconds, so the threshold is converted to the
   * family's unit ({@link InferenceSource#ttftUnit}); the other families are in seconds.
   */
  private SliCounts everySource(String tenant, java.util.function.Function<InferenceSource, String> family, double threshold,
      Instant from, Instant to) {
    double good = 0;
    double total = 0;
    for (InferenceSource source : InferenceSource.ALL) {
      String name = family.apply(source);
      if (name == null) {
        continue;
      }
      double unit = name.equals(source.ttft()) ? source.ttftUnit() : 1;
      SliCounts c = shareUnder(tenant, name, threshold / unit, from, to);
      good += c.good();
      total += c.total();
    }
    return new SliCounts(good, total);
  }

  /**
   * Requests at or under {@code threshold} (in the family's unit), from the histogram's cumulative bucket. When no
   * bucket boundary equals the threshold, the largest boundary below it is used: that counts fewer
   * requests as good, never more, so the contract is never judged too kindly.
   */
  private SliCounts shareUnder(String tenant, String family, double threshold, Instant from, Instant to) {
    List<SeriesTotal> buckets = totals(tenant, family + "_bucket", from, to);
    double bestLe = Double.NEGATIVE_INFINITY;
    for (SeriesTotal s : buckets) {
      double le = parseLe(s.labels().get("le"));
      if (le <= threshold + 1e-12 && le > bestLe) {
        bestLe = le;
      }
    }
    double good = 0;
    for (SeriesTotal s : buckets) {
      if (parseLe(s.labels().get("le")) == bestLe) {
        good += s.increase();
      }
    }
    double total = 0;
    for (SeriesTotal s : totals(tenant, family + "_count", from, to)) {
      total += s.increase();
    }
    return new SliCounts(Math.min(good, total), total);
  }

  private static double parseLe(String le) {
    if (le == null) {
      return Double.NaN;
    }
    return switch (le) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(le);
        } catch (NumberFormatException e) {
          yield Double.NaN;
        }
      }
    };
  }

  /**
   * The tenant's series totals. Loaded for all tenants at once per (metric, window) and kept for
   * {@link #SHARED_NANOS}: an evaluation round asks the same metric and window for every tenant,
   * so 1,000 tenants cost one query instead of 1,000 (docs/benchmarks.md "SLO engine"). The
   * window's end is rounded up to the minute so the calls of one round share a key.
   */
  private List<SeriesTotal> totals(String tenant, String metric, Instant from, Instant to) {
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Instant end = to.truncatedTo(ChronoUnit.MINUTES);
    if (end.isBefore(to)) {
      end = end.plus(1, ChronoUnit.MINUTES); // same minutes: those starting before to
    }
    Window key = new Window(metric, start, end);
    Instant s = start;
    Instant e = end;
    Loaded loaded = shared.compute(key, (k, old) -> old != null && System.nanoTime() - old.atNanos() < SHARED_NANOS
        ? old
        : loadAll(metric, s, e));
    shared.values().removeIf(l -> System.nanoTime() - l.atNanos() >= SHARED_NANOS);
    return loaded.byTenant().getOrDefault(tenant, List.of());
  }

  private Loaded loadAll(String metric, Instant from, Instant to) {
    Map<String, List<SeriesTotal>> byTenant = rollups.totalsOfAllTenants(metric, from, to);
    return new Loaded(System.nanoTime(), byTenant); // the age counts from when the data was read
  }

  /** Starts an evaluation round: totals are read afresh (call once per round, before evaluating). */
  public void startRound() {
    shared.clear();
  }

  private record Window(String metric, Instant from, Instant to) {}

  private record Loaded(long atNanos, Map<String, List<SeriesTotal>> byTenant) {}
}
