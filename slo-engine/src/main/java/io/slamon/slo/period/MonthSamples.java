package io.slamon.slo.period;

import io.slamon.slo.TimeInterval;
import io.slamon.store.SampleReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link SampleReader} for one tenant-month: the first query of a metric reads the whole month
 * once, later queries inside the month (the 28–31 daily counts per SLO) are answered from that
 * copy. The month query itself already holds all those points in memory, so this adds no peak; it
 * turns ~60 database round trips per SLO into one. Not thread-safe: one per period computation.
 */
final class MonthSamples implements SampleReader {
  private record Key(String tenant, String metric, Map<String, String> matchers) {}

  private final SampleReader delegate;
  private final TimeInterval month;
  private final Map<Key, List<Series>> cache = new HashMap<>();

  MonthSamples(SampleReader delegate, TimeInterval month) {
    this.delegate = delegate;
    this.month = month;
  }

  @Override
  public List<Series> query(String tenant, String metric, Map<String, String> labelMatchers, java.time.Instant from, java.time.Instant to) {
    if (from.isBefore(month.start()) || to.isAfter(month.end())) {
      return delegate.query(tenant, metric, labelMatchers, from, to);
    }
    Key key = new Key(tenant, Objects.requireNonNull(metric, "metric"), labelMatchers == null ? Map.of() : Map.copyOf(labelMatchers));
    List<Series> whole = cache.computeIfAbsent(key, k -> delegate.query(tenant, metric, k.matchers(), month.start(), month.end()));
    long f = from.toEpochMilli();
    long t = to.toEpochMilli();
    List<Series> out = new ArrayList<>();
    for (Series s : whole) {
      // points are in time order: the slice is the run between the two bounds
      List<Point> points = s.points();
      int lo = firstAtOrAfter(points, f);
      int hi = firstAtOrAfter(points, t);
      if (lo < hi) {
        out.add(new Series(s.tenant(), s.metric(), s.labels(), points.subList(lo, hi)));
      }
    }
    return out;
  }

  private static int firstAtOrAfter(List<Point> points, long millis) {
    int lo = 0;
    int hi = points.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (points.get(mid).timestampMillis() < millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
