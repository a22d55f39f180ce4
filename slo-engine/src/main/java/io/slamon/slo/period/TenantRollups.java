package io.slamon.slo.period;

import io.slamon.slo.TimeInterval;
import io.slamon.store.RollupReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rollups of one tenant-month computation. The engine's {@code StoredSliSource} asks for the
 * totals of all tenants at once, which pays off when a round evaluates every tenant within seconds;
 * the period job works through one tenant's 28–31 days at a time, so here that question is
 * answered with the tenant's own totals only (one small query per metric and day instead of every
 * tenant's series, and no other tenant's data in memory). Same numbers: both sum the same rollup
 * rows per series.
 *
 * <p>With a month given, the minute rows of a metric are read once up to the month's end (from the
 * month's start, or from earlier when the first request starts earlier: token anomaly's baseline
 * reaches days before each day it judges) and later requests inside that range are cut from the
 * copy: the time-sliced kinds ask for every day of the month, 28–31 round trips per SLO turned into
 * one. Not thread-safe: one per period computation.
 */
final class TenantRollups implements RollupReader {
  private record Key(String tenant, String metric, Map<String, String> matchers) {}

  private final RollupReader delegate;
  private final String tenant;
  private final TimeInterval month; // null: no caching
  private final Map<Key, Read> cache = new HashMap<>();

  /** The minute rows of one selection from {@code from} to the month's end. */
  private record Read(Instant from, List<RollupSeries> series) {}

  TenantRollups(RollupReader delegate, String tenant) {
    this(delegate, tenant, null);
  }

  TenantRollups(RollupReader delegate, String tenant, TimeInterval month) {
    this.delegate = delegate;
    this.tenant = tenant;
    this.month = month;
  }

  @Override
  public List<RollupSeries> rollups(String t, String metric, Map<String, String> labelMatchers, Instant from, Instant to) {
    if (month == null || to.isAfter(month.end()) || !to.isAfter(month.start())) {
      return delegate.rollups(t, metric, labelMatchers, from, to);
    }
    Key key = new Key(t, Objects.requireNonNull(metric, "metric"), labelMatchers == null ? Map.of() : Map.copyOf(labelMatchers));
    Read read = cache.get(key);
    if (read == null || from.isBefore(read.from())) {
      Instant start = from.isBefore(month.start()) ? from : month.start();
      read = new Read(start, delegate.rollups(t, metric, key.matchers(), start, month.end()));
      cache.put(key, read);
    }
    List<RollupSeries> out = new ArrayList<>();
    for (RollupSeries s : read.series()) {
      // minutes are in time order: the requested ones are the run between the two bounds
      List<Minute> minutes = s.minutes();
      int lo = firstAtOrAfter(minutes, from);
      int hi = firstAtOrAfter(minutes, to);
      if (lo < hi) {
        out.add(new RollupSeries(s.tenant(), s.metric(), s.labels(), minutes.subList(lo, hi)));
      }
    }
    return out;
  }

  private static int firstAtOrAfter(List<Minute> minutes, Instant t) {
    int lo = 0;
    int hi = minutes.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (minutes.get(mid).minute().isBefore(t)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public List<SeriesTotal> totals(String t, String metric, Map<String, String> labelMatchers, Instant from, Instant to) {
    return delegate.totals(t, metric, labelMatchers, from, to);
  }

  @Override
  public Map<String, List<SeriesTotal>> totalsOfAllTenants(String metric, Instant from, Instant to) {
    return Map.of(tenant, delegate.totals(tenant, metric, Map.of(), from, to));
  }
}
