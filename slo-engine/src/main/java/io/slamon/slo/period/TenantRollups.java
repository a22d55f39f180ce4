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
 * <p>With a month given, the minute rows of a metric are read once for the whole month (the first
 * time a day inside it asks) and later requests inside the month are cut from that copy: the
 * time-sliced kinds ask for every day of the month, 28–31 round trips per SLO turned into one. Not
 * thread-safe: one per period computation.
 */
final class TenantRollups implements RollupReader {
  private record Key(String tenant, String metric, Map<String, String> matchers) {}

  private final RollupReader delegate;
  private final String tenant;
  private final TimeInterval month; // null: no caching
  private final Map<Key, List<RollupSeries>> cache = new HashMap<>();

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
    if (month == null || from.isBefore(month.start()) || to.isAfter(month.end())) {
      return delegate.rollups(t, metric, labelMatchers, from, to);
    }
    Key key = new Key(t, Objects.requireNonNull(metric, "metric"), labelMatchers == null ? Map.of() : Map.copyOf(labelMatchers));
    List<RollupSeries> whole = cache.computeIfAbsent(key, k -> delegate.rollups(t, metric, k.matchers(), month.start(), month.end()));
    List<RollupSeries> out = new ArrayList<>();
    for (RollupSeries s : whole) {
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
