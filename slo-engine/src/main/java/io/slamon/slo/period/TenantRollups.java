package io.slamon.slo.period;

import io.slamon.store.RollupReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rollups of one tenant-month computation. The engine's {@code StoredSliSource} asks for the
 * totals of all tenants at once, which pays off when a round evaluates every tenant within seconds;
 * the period job works through one tenant's 28–31 days at a time, so here that question is
 * answered with the tenant's own totals only (one small query per metric and day instead of every
 * tenant's series, and no other tenant's data in memory). Same numbers: both sum the same rollup
 * rows per series.
 */
final class TenantRollups implements RollupReader {
  private final RollupReader delegate;
  private final String tenant;

  TenantRollups(RollupReader delegate, String tenant) {
    this.delegate = delegate;
    this.tenant = tenant;
  }

  @Override
  public List<RollupSeries> rollups(String t, String metric, Map<String, String> labelMatchers, Instant from, Instant to) {
    return delegate.rollups(t, metric, labelMatchers, from, to);
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
