package io.slamon.slo;

import io.slamon.store.SampleReader;
import io.slamon.store.SampleReader.Series;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads SLI counts from stored samples. Counters are summed per series with {@link
 * CounterMath#increase} (reset-aware), then across series. This thin adapter reads raw samples;
 * the collector's 1-minute rollups replace that read path for long windows.
 */
public final class StoredSliSource implements SliSource {
  static final String HTTP_REQUESTS = "http_requests_total";
  static final String TTFT = "vllm:time_to_first_token_seconds";
  static final String E2E = "vllm:e2e_request_latency_seconds";

  private final SampleReader reader;

  public StoredSliSource(SampleReader reader) {
    this.reader = reader;
  }

  @Override
  public SliCounts counts(SloDefinition slo, Instant from, Instant to) {
    return switch (slo.kind()) {
      case AVAILABILITY -> availability(slo.tenant(), from, to);
      case TTFT_UNDER -> shareUnder(slo.tenant(), TTFT, slo.threshold(), from, to);
      case LATENCY_UNDER -> shareUnder(slo.tenant(), E2E, slo.threshold(), from, to);
      case ERROR_RATE, QUEUE_DEPTH_UNDER, RAG_FRESHNESS_UNDER, GPU_CAPACITY, TOKEN_ANOMALY -> new BuiltInSlis(reader, null, this).counts(slo, from, to);
    };
  }

  private SliCounts availability(String tenant, Instant from, Instant to) {
    double total = 0;
    double bad = 0;
    for (Series s : reader.query(tenant, HTTP_REQUESTS, Map.of(), from, to)) {
      double inc = increase(s);
      total += inc;
      if ("5xx".equals(s.labels().get("status"))) {
        bad += inc;
      }
    }
    return new SliCounts(Math.max(0, total - bad), total);
  }

  /**
   * Requests at or under {@code threshold} seconds, from the histogram's cumulative bucket. When no
   * bucket boundary equals the threshold, the largest boundary below it is used: that counts fewer
   * requests as good, never more, so the contract is never judged too kindly.
   */
  private SliCounts shareUnder(String tenant, String family, double threshold, Instant from, Instant to) {
    List<Series> buckets = reader.query(tenant, family + "_bucket", Map.of(), from, to);
    double bestLe = Double.NEGATIVE_INFINITY;
    for (Series s : buckets) {
      double le = parseLe(s.labels().get("le"));
      if (le <= threshold + 1e-12 && le > bestLe) {
        bestLe = le;
      }
    }
    double good = 0;
    for (Series s : buckets) {
      if (parseLe(s.labels().get("le")) == bestLe) {
        good += increase(s);
      }
    }
    double total = 0;
    for (Series s : reader.query(tenant, family + "_count", Map.of(), from, to)) {
      total += increase(s);
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

  private static double increase(Series s) {
    return CounterMath.increase(s.points().stream().map(SampleReader.Point::value).toList());
  }
}
